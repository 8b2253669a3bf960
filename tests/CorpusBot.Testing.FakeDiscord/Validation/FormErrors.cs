using System.Text.Json.Nodes;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>One validation problem at a JSON path (dot separated, e.g. <c>data.embeds.0.title</c>).</summary>
/// <param name="Rejects">True when Discord would answer 400 for it; false for problems that are only recorded.</param>
internal sealed record FormProblem(string Path, string Code, string Message, bool Rejects);

/// <summary>Collects validation problems and renders Discord's nested <c>errors</c> object (see "Error Messages" in the API reference).</summary>
internal sealed class FormErrors
{
    private readonly List<FormProblem> _problems = [];

    public IReadOnlyList<FormProblem> Problems => _problems;

    public bool Rejects => _problems.Any(p => p.Rejects);

    public void Reject(string path, string code, string message) => _problems.Add(new FormProblem(path, code, message, true));

    public void Note(string path, string code, string message) => _problems.Add(new FormProblem(path, code, message, false));

    public JsonObject ToErrorsObject()
    {
        var root = new JsonObject();
        foreach (var problem in _problems.Where(p => p.Rejects))
        {
            var node = root;
            if (problem.Path.Length > 0)
            {
                foreach (var segment in problem.Path.Split('.'))
                {
                    if (node[segment] is not JsonObject child)
                    {
                        child = new JsonObject();
                        node[segment] = child;
                    }

                    node = child;
                }
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = problem.Code, ["message"] = problem.Message });
        }

        return root;
    }

    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
