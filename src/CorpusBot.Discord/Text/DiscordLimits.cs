namespace CorpusBot.Discord.Text;

/// <summary>Discord's documented size limits for messages, embeds, components and commands.</summary>
public static class DiscordLimits
{
    /// <summary>Message content.</summary>
    public const int Content = 2000;

    /// <summary>Embeds per message.</summary>
    public const int Embeds = 10;

    /// <summary>Embed title.</summary>
    public const int EmbedTitle = 256;

    /// <summary>Embed description.</summary>
    public const int EmbedDescription = 4096;

    /// <summary>Fields per embed.</summary>
    public const int EmbedFields = 25;

    /// <summary>Embed field name.</summary>
    public const int FieldName = 256;

    /// <summary>Embed field value.</summary>
    public const int FieldValue = 1024;

    /// <summary>Embed footer text.</summary>
    public const int FooterText = 2048;

    /// <summary>Embed author name.</summary>
    public const int AuthorName = 256;

    /// <summary>All titles, descriptions, field names and values, footers and author names of a message together.</summary>
    public const int EmbedTotal = 6000;

    /// <summary>Action rows in a message.</summary>
    public const int ActionRows = 5;

    /// <summary>Buttons in an action row.</summary>
    public const int ButtonsPerRow = 5;

    /// <summary>Button label.</summary>
    public const int ButtonLabel = 80;

    /// <summary>A link button's url (message-components.md, Button: "max 512 characters").</summary>
    public const int ButtonUrl = 512;

    /// <summary>
    /// An embed's url and its author's url. The embed docs give no figure; Discord refuses a longer one with
    /// 50035 BASE_TYPE_MAX_LENGTH ("Must be 2048 or fewer in length"), the figure the libraries use too.
    /// </summary>
    public const int EmbedUrl = 2048;

    /// <summary>A component's custom_id.</summary>
    public const int CustomId = 100;

    /// <summary>Autocomplete choices in one answer.</summary>
    public const int AutocompleteChoices = 25;

    /// <summary>An autocomplete choice's name, and its value when a string.</summary>
    public const int ChoiceText = 100;

    /// <summary>Command and option names (1–32).</summary>
    public const int CommandName = 32;

    /// <summary>Command and option descriptions (1–100).</summary>
    public const int CommandDescription = 100;
}
