namespace CorpusBot.Search.Querying;

/// <summary>Words that shape a question but say nothing about its subject.</summary>
internal static class QuestionWords
{
    /// <summary>Dropped from questions before searching (stop words are dropped by the analyzer anyway).</summary>
    public static IReadOnlySet<string> Ignored { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "what", "whats", "what's", "when", "where", "who", "whom", "whose", "which", "why", "how", "whats",
        "did", "does", "do", "done", "doing", "has", "have", "had", "having", "can", "could", "would", "should",
        "shall", "may", "might", "must", "is", "are", "was", "were", "am", "been", "being", "be",
        "tell", "me", "please", "i", "you", "we", "he", "she", "him", "her", "his", "hers", "its", "our", "your",
        "my", "us", "them", "about", "any", "some", "there", "so", "also", "get", "got", "know", "anyone", "someone",
        "say", "says", "said", "according", "article", "articles", "collection", "happen", "happened", "much", "many", "tell", "tells", "told", "mention", "mentioned",
    };
}
