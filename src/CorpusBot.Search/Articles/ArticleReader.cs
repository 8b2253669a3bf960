using System.Security.Cryptography;
using System.Text;

namespace CorpusBot.Search.Articles;

/// <summary>Reads one article file (.txt, .md, .html) into an <see cref="Article"/>, or says why it cannot.</summary>
public sealed class ArticleReader(long maxBytes)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The largest file read, in bytes.</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>Reads the file at <paramref name="file"/>.</summary>
    public async Task<ArticleReadResult> ReadAsync(ArticleFile file, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(file.Path).Length;
            if (length > MaxBytes)
            {
                return ArticleReadResult.Skipped($"it is {length / 1024:N0} KiB, over the {MaxBytes / 1024:N0} KiB limit (Corpus:MaxArticleBytes)");
            }

            bytes = await File.ReadAllBytesAsync(file.Path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ArticleReadResult.Skipped($"it could not be read ({ex.GetType().Name}: {ex.Message})");
        }

        return Parse(file.Id, System.IO.Path.GetExtension(file.Path), bytes);
    }

    /// <summary>Parses file content already in memory.</summary>
    public ArticleReadResult Parse(string id, string extension, byte[] bytes)
    {
        if (bytes.LongLength > MaxBytes)
        {
            return ArticleReadResult.Skipped($"it is over the {MaxBytes / 1024:N0} KiB limit (Corpus:MaxArticleBytes)");
        }

        var warnings = new List<string>();
        var text = Decode(bytes, warnings);
        if (text is null)
        {
            return ArticleReadResult.Skipped("it is a binary file, not text");
        }

        text = CleanText(text);
        var isHtml = extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase);
        var isMarkdown = extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase);
        var parsed = isHtml ? HtmlArticleParser.Parse(text) : FrontMatter.Parse(text, warnings);
        var body = isMarkdown ? MarkdownText.ToPlain(parsed.Body) : parsed.Body;
        var (title, cleanBody) = TitleDeriver.Resolve(parsed.Fields.Title, body, parsed.Fields.Url, id);
        if (!cleanBody.Any(char.IsLetterOrDigit))
        {
            return ArticleReadResult.Skipped(text.Trim().Length == 0 ? "it is empty" : "it has no article text");
        }

        var metadata = parsed.Fields.ToMetadata(title);
        return new ArticleReadResult(new Article(id, metadata, cleanBody, Hash(bytes)), null, warnings);
    }

    private static string? Decode(byte[] bytes, List<string> warnings)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            return TryStrictUtf8(bytes.AsSpan(3));
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return encoding.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.AsSpan().Contains((byte)0) || ControlRatio(bytes) > 0.02)
        {
            return null;
        }

        var text = TryStrictUtf8(bytes);
        if (text is not null)
        {
            return text;
        }

        warnings.Add("it is not valid UTF-8; read as Latin-1 (save it as UTF-8 to be sure)");
        return Encoding.Latin1.GetString(bytes);
    }

    private static string? TryStrictUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static double ControlRatio(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return 0;
        }

        var controls = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                controls++;
            }
        }

        return (double)controls / bytes.Length;
    }

    private static string CleanText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            builder.Append(c switch
            {
                '\r' or '\u2028' or '\u2029' => '\n',
                '\t' or '\f' or '\v' => ' ',
                _ when char.IsControl(c) && c != '\n' => ' ',
                _ => c,
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Hash(byte[] bytes)
    {
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
