using System.Runtime.InteropServices;
using System.Text;
using System.Xml.Linq;

namespace CorpusBot.Search.Tests.Quality;

/// <summary>
/// Unrelated real text to mix with the seeds: hand-written press-style distractors on the same themes
/// (Quality/distractors: sanctions, South Africa, genocide, ceasefires, an actor's apology, a backlash), and
/// a few hundred documents of English prose from the .NET SDK's own API documentation on this machine.
/// </summary>
public static class MixedCollection
{
    public static int Write(string folder, int documents = 300)
    {
        var written = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Quality", "distractors")))
        {
            File.Copy(file, Path.Combine(folder, "distractor-" + Path.GetFileName(file)));
            written++;
        }

        var builder = new StringBuilder();
        var index = 0;
        foreach (var summary in Summaries())
        {
            builder.AppendLine(summary).AppendLine();
            if (builder.Length > 1500)
            {
                File.WriteAllText(Path.Combine(folder, $"sdk-doc-{index++:D4}.txt"), $"Reference notes {index}\n\n{builder}");
                builder.Clear();
                written++;
                if (index >= documents)
                {
                    break;
                }
            }
        }

        return written;
    }

    private static IEnumerable<string> Summaries()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory(); // <dotnet>/shared/Microsoft.NETCore.App/<version>/
        var root = Directory.GetParent(runtime.TrimEnd(Path.DirectorySeparatorChar))!.Parent!.Parent!.FullName;
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        IEnumerable<string> files = Directory.Exists(packs)
            ? Directory.EnumerateFiles(packs, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
        foreach (var file in files)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(file);
            }
            catch (System.Xml.XmlException)
            {
                continue;
            }

            foreach (var summary in document.Descendants("summary"))
            {
                var text = string.Join(' ', summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (text.Length > 60)
                {
                    yield return text;
                }
            }
        }
    }
}
