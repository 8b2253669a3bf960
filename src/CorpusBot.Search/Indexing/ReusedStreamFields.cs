using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace CorpusBot.Search.Indexing;

// Why these exist: Lucene.Net gives every new StringField or Int32Field instance a new token stream, and creating one
// looks its attributes up by reflection. With a few such fields on each of ~100,000 passages that was a tenth of the
// build's CPU (profile in docs/benchmarks.md). The writer inverts one field at a time on its thread and disposes
// the stream before the next, so one stream per thread serves them all; the indexed terms are the same.

/// <summary>A <see cref="StringField"/> (the whole value as one term) whose token stream is reused per thread.</summary>
internal sealed class KeywordField(string name, string value, Field.Store store)
    : Field(name, value, store == Field.Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
{
    [ThreadStatic]
    private static KeywordTokenStream? t_stream;

    public override TokenStream GetTokenStream(Analyzer analyzer) => (t_stream ??= new KeywordTokenStream()).Start(GetStringValue());
}

/// <summary>An <see cref="Int32Field"/> (trie-encoded for range queries) whose token stream is reused per thread.</summary>
internal sealed class DayNumberField(string name, int value) : Field(name, Int32Field.TYPE_NOT_STORED)
{
    [ThreadStatic]
    private static NumericTokenStream? t_stream;

    private readonly int _value = value;

    public override TokenStream GetTokenStream(Analyzer analyzer) =>
        (t_stream ??= new NumericTokenStream(Int32Field.TYPE_NOT_STORED.NumericPrecisionStep)).SetInt32Value(_value);
}

/// <summary>One token: the whole value, with its offsets (as Lucene's own stream for untokenised fields).</summary>
internal sealed class KeywordTokenStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private string _value = string.Empty;
    private bool _given;

    public KeywordTokenStream()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public KeywordTokenStream Start(string value)
    {
        _value = value;
        return this;
    }

    public override bool IncrementToken()
    {
        if (_given)
        {
            return false;
        }

        ClearAttributes();
        _term.Append(_value);
        _offset.SetOffset(0, _value.Length);
        _given = true;
        return true;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_value.Length, _value.Length);
    }

    public override void Reset()
    {
        base.Reset();
        _given = false;
    }
}
