using System.Globalization;

namespace CorpusBot.Commands.Catalog;

/// <summary>
/// The values a person gave a command, by parameter name, whichever front end they came from; absent values fall
/// back to the parameter's default, numbers are clamped to its range.
/// </summary>
public sealed class CommandArguments(CommandSpec command, Surfaces surface, IReadOnlyDictionary<string, string?> values)
{
    /// <summary>The front end the command came from.</summary>
    public Surfaces Surface => surface;

    /// <summary>The text given for <paramref name="name"/>, else its default, else the empty string.</summary>
    public string Text(string name) => values.GetValueOrDefault(name) ?? Parameter(name).Default ?? string.Empty;

    /// <summary>The text given for <paramref name="name"/>, or null when none was (and it has no default).</summary>
    public string? OptionalText(string name) => values.GetValueOrDefault(name) is { Length: > 0 } text ? text : Parameter(name).Default;

    /// <summary>The number given for <paramref name="name"/>, clamped to its range; its default when absent or not a number.</summary>
    public int Integer(string name)
    {
        var parameter = Parameter(name);
        var parsed = long.TryParse(values.GetValueOrDefault(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : long.TryParse(parameter.Default, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d
            : parameter.Min ?? 0;
        return (int)Math.Clamp(parsed, parameter.Min ?? int.MinValue, parameter.Max ?? int.MaxValue);
    }

    private ParameterSpec Parameter(string name) =>
        command.Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"{command.Name} has no parameter {name}.", nameof(name));
}
