using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CorpusBot.Hosting;

/// <summary>
/// Binds a settings section so that a value of the wrong type (<c>Corpus__MaxArticleBytes=abc</c>) fails the way a value
/// the validators refuse does, as an <see cref="OptionsValidationException"/>: the command line and the bot's start then
/// report it as what to set, instead of as an unexpected error with a stack trace.
/// </summary>
internal static class SettingsBinding
{
    /// <summary>Like <c>Bind</c>, with a value that cannot be converted reported as a validation failure.</summary>
    public static OptionsBuilder<T> BindSection<T>(this OptionsBuilder<T> builder, IConfigurationSection section)
        where T : class =>
        builder.Configure(options => Bind(section, options, builder.Name));

    /// <summary>The section read into a new <typeparamref name="T"/>, for code that reads settings outside the options.</summary>
    public static T ReadSection<T>(this IConfigurationSection section)
        where T : class, new()
    {
        var options = new T();
        Bind(section, options, Options.DefaultName);
        return options;
    }

    private static void Bind<T>(IConfigurationSection section, T options, string? name)
        where T : class
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the setting and the value: "Failed to convert configuration value 'abc' at 'Corpus:MaxArticleBytes' …".
            throw new OptionsValidationException(name ?? Options.DefaultName, typeof(T), [ex.Message]);
        }
    }
}
