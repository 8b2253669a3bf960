using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CorpusBot.Testing.FakeDiscord;

internal enum AuthMode
{
    /// <summary><c>Authorization: Bot {token}</c> must be present and correct.</summary>
    Required,

    /// <summary>Webhook-style routes: the token in the path authenticates; a wrong Authorization header is still rejected.</summary>
    Optional,

    /// <summary>Public routes such as <c>GET /gateway</c>.</summary>
    None,
}

/// <summary>
/// One REST route. <paramref name="Template"/> uses <c>{name}</c> placeholders; <paramref name="MajorParameters"/> name the
/// top-level resource placeholders that key the rate limit together with the bucket.
/// </summary>
internal sealed record Route(
    string Method,
    string Template,
    AuthMode Auth,
    bool InteractionRoute,
    int? LimitPerSecond,
    string[] MajorParameters,
    Func<RestExchange, Match, RestResult> Handler)
{
    public Regex Pattern { get; } = new(
        "^" + Regex.Replace(Regex.Escape(Template), @"\\\{(\w+)}", "(?<$1>[^/]+)") + "$",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>A stable hash identifying this route's bucket (the same for every top-level resource).</summary>
    public string Bucket { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Method + " " + Template)))[..16];

    public string RateKey(Match match) =>
        MajorParameters.Length == 0 ? Bucket : Bucket + ":" + string.Join("/", MajorParameters.Select(p => match.Groups[p].Value));
}
