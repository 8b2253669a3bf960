namespace CorpusBot.Search.Excerpts;

/// <summary>A passage with the sentences stored on either side of it, joined into one text for excerpting.</summary>
/// <param name="Before">The sentences just before the passage (empty at the start of an article).</param>
/// <param name="Passage">The passage itself.</param>
/// <param name="After">The sentences just after it (empty at the end).</param>
internal sealed record PassageWithContext(string Before, string Passage, string After)
{
    /// <summary>The whole text: before, passage and after, each on its own line.</summary>
    public string Text { get; } = string.Concat(Before, Before.Length > 0 ? "\n" : string.Empty, Passage, After.Length > 0 ? "\n" : string.Empty, After);

    /// <summary>Where the passage starts in <see cref="Text"/>.</summary>
    public int Start => Before.Length > 0 ? Before.Length + 1 : 0;

    /// <summary>Where the passage ends in <see cref="Text"/>.</summary>
    public int End => Start + Passage.Length;
}
