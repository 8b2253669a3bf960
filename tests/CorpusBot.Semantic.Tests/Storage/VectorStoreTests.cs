using System.Numerics.Tensors;
using CorpusBot.Semantic.Storage;
using CorpusBot.Semantic.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Semantic.Tests.Storage;

public sealed class VectorStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corpusbot-semantic-tests", Guid.NewGuid().ToString("n"));
    private readonly ListLogger _log = new();

    private string File => Path.Combine(_folder, "vectors.bin");

    private static readonly string[] Texts = ["A bridge was closed for repairs.", "The council raised the sugar tax.", "Ceasefire talks resumed on Monday."];

    private VectorStore Filled()
    {
        var store = new VectorStore("word-hash@test", 384);
        foreach (var text in Texts)
        {
            store.Add(PassageKey.Of(text), WordHashEncoder.Vector(text));
        }

        return store;
    }

    private static HashSet<UInt128> Keys(params string[] texts) => [.. texts.Select(PassageKey.Of)];

    [Fact]
    public void Vectors_survive_a_save_and_a_load()
    {
        Filled().Save(File, Keys(Texts));

        var loaded = VectorStore.Load(File, "word-hash@test", 384, _log);

        Assert.Equal(3, loaded.Count);
        foreach (var text in Texts)
        {
            var row = loaded.RowOf(PassageKey.Of(text));
            var restored = loaded.Chunks.Vector(row).ToArray().Select(b => b * loaded.Chunks.Scale(row)).ToArray();
            Assert.Equal(1f, TensorPrimitives.CosineSimilarity(restored, WordHashEncoder.Vector(text)), 2);
        }

        Assert.Empty(_log.Entries);
    }

    [Fact]
    public void A_truncated_file_is_discarded_with_one_warning()
    {
        Filled().Save(File, Keys(Texts));
        var bytes = System.IO.File.ReadAllBytes(File);
        System.IO.File.WriteAllBytes(File, bytes[..(bytes.Length - 100)]);

        var loaded = VectorStore.Load(File, "word-hash@test", 384, _log);

        Assert.Equal(0, loaded.Count);
        Assert.Single(_log.Warnings);
        Assert.False(System.IO.File.Exists(File));
    }

    [Fact]
    public void A_changed_byte_fails_the_checksum()
    {
        Filled().Save(File, Keys(Texts));
        var bytes = System.IO.File.ReadAllBytes(File);
        bytes[bytes.Length / 2] ^= 0x40;
        System.IO.File.WriteAllBytes(File, bytes);

        var loaded = VectorStore.Load(File, "word-hash@test", 384, _log);

        Assert.Equal(0, loaded.Count);
        Assert.Contains("checksum", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Vectors_of_another_model_are_not_used()
    {
        Filled().Save(File, Keys(Texts));

        var loaded = VectorStore.Load(File, "another-model@128", 384, _log);

        Assert.Equal(0, loaded.Count);
        Assert.Empty(_log.Warnings);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("word-hash@test", StringComparison.Ordinal));
    }

    [Fact]
    public void Saving_drops_the_vectors_of_passages_no_longer_live()
    {
        Filled().Save(File, Keys(Texts[0], Texts[2]));

        var loaded = VectorStore.Load(File, "word-hash@test", 384, _log);

        Assert.Equal(2, loaded.Count);
        Assert.Equal(-1, loaded.RowOf(PassageKey.Of(Texts[1])));
    }

    [Fact]
    public void No_temporary_file_is_left_behind_by_a_save()
    {
        Filled().Save(File, Keys(Texts));

        Assert.Equal(["vectors.bin"], Directory.EnumerateFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Identical_texts_share_one_key_and_different_texts_do_not()
    {
        Assert.Equal(PassageKey.Of("Same words."), PassageKey.Of(new string("Same words.".ToCharArray())));
        Assert.NotEqual(PassageKey.Of("Same words."), PassageKey.Of("Same words!"));
    }

    [Fact]
    public void The_int8_dot_product_matches_the_float_one_closely()
    {
        var a = WordHashEncoder.Vector("the bridge was closed for repairs after the storm");
        var b = WordHashEncoder.Vector("repairs closed the bridge for a week");
        var a8 = new sbyte[384];
        var b8 = new sbyte[384];

        var approximate = Int8Vectors.Dot(Quantized(a, a8, out var sa), Quantized(b, b8, out var sb)) * sa * sb;

        Assert.Equal(TensorPrimitives.Dot(a, b), approximate, 2);
    }

    private static sbyte[] Quantized(float[] vector, sbyte[] bytes, out float scale)
    {
        scale = Int8Vectors.Quantize(vector, bytes);
        return bytes;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
