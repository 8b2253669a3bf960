namespace CorpusBot.Search.Indexing;

/// <summary>A paragraph-sized piece of an article: the unit that is indexed, ranked and cited.</summary>
/// <param name="Ordinal">Its place in the article, from 0.</param>
/// <param name="Text">The text, exactly as in the article (line breaks kept).</param>
public sealed record Passage(int Ordinal, string Text);
