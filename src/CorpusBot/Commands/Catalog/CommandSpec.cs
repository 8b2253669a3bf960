using CorpusBot.Replies;

namespace CorpusBot.Commands.Catalog;

/// <summary>The front ends a command is offered on.</summary>
[Flags]
public enum Surfaces
{
    /// <summary>On the command line (<c>corpusbot ask …</c>).</summary>
    CommandLine = 1,

    /// <summary>As a Discord slash command (or, for <see cref="CommandShape.OnMessage"/>, a message menu entry).</summary>
    Discord = 2,

    /// <summary>Both.</summary>
    Everywhere = CommandLine | Discord,
}

/// <summary>Who may run a command on Discord.</summary>
public enum Audience
{
    /// <summary>Anyone who can see the bot, in a server, its DMs or (user-installed) anywhere.</summary>
    Everyone,

    /// <summary>Only the application's owner or team and the configured <c>Discord:OperatorIds</c>, and only in servers.</summary>
    Operators,
}

/// <summary>How a command is invoked on Discord.</summary>
public enum CommandShape
{
    /// <summary>A slash command with options.</summary>
    Slash,

    /// <summary>A message context-menu entry: its one text parameter is the message's content.</summary>
    OnMessage,
}

/// <summary>What an option or argument holds.</summary>
public enum ParameterKind
{
    /// <summary>Free text (on the command line the words after the command, for the first text parameter).</summary>
    Text,

    /// <summary>A whole number within <see cref="ParameterSpec.Min"/> and <see cref="ParameterSpec.Max"/>.</summary>
    Integer,
}

/// <summary>One parameter of a command, as both front ends offer it.</summary>
/// <param name="Name">The option's name (<c>--name</c> on the command line).</param>
/// <param name="Description">What to put there (at most 100 characters: Discord's limit).</param>
/// <param name="Kind">Text or a number.</param>
/// <param name="Required">Must be given.</param>
public sealed record ParameterSpec(string Name, string Description, ParameterKind Kind = ParameterKind.Text, bool Required = false)
{
    /// <summary>The longest text accepted.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The smallest number accepted.</summary>
    public int? Min { get; init; }

    /// <summary>The largest number accepted.</summary>
    public int? Max { get; init; }

    /// <summary>The only values accepted, the default first; null for any.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The value when none is given, as text.</summary>
    public string? Default { get; init; }

    /// <summary>Discord suggests values while it is typed (article titles).</summary>
    public bool Autocomplete { get; init; }

    /// <summary>Where the parameter is offered (some exist only on the command line).</summary>
    public Surfaces Surfaces { get; init; } = Surfaces.Everywhere;
}

/// <summary>
/// A command, declared once: the Discord registration, the command line and the interaction handler are all made from
/// this description (see <see cref="CommandCatalog"/>).
/// </summary>
/// <param name="Name">Its name on the command line, and on Discord unless <see cref="DiscordName"/> says otherwise.</param>
/// <param name="Description">One line for help and for Discord's command list (at most 100 characters).</param>
/// <param name="Parameters">Its options, required ones first.</param>
/// <param name="Execute">Runs it with the app's services and the person's arguments.</param>
public sealed record CommandSpec(
    string Name,
    string Description,
    IReadOnlyList<ParameterSpec> Parameters,
    Func<IServiceProvider, CommandArguments, CancellationToken, Task<Reply>> Execute)
{
    /// <summary>Its name on Discord when it differs (context-menu entries have display names).</summary>
    public string? DiscordName { get; init; }

    /// <summary>The front ends it is offered on.</summary>
    public Surfaces Surfaces { get; init; } = Surfaces.Everywhere;

    /// <summary>How it is invoked on Discord.</summary>
    public CommandShape Shape { get; init; } = CommandShape.Slash;

    /// <summary>Who may run it on Discord.</summary>
    public Audience Audience { get; init; } = Audience.Everyone;

    /// <summary>Its answer is shown to the person alone, whatever it is (errors and empty answers always are).</summary>
    public bool AnswersPrivately { get; init; }

    /// <summary>On the command line, bring the index up to date before running (cheap when nothing changed).</summary>
    public bool NeedsCurrentIndex { get; init; } = true;

    /// <summary>The name Discord knows it by.</summary>
    public string SlashName => DiscordName ?? Name;

    /// <summary>The parameters offered on <paramref name="surface"/>.</summary>
    public IEnumerable<ParameterSpec> ParametersOn(Surfaces surface) => Parameters.Where(p => p.Surfaces.HasFlag(surface));
}
