using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace CorpusBot.Discord.Http;

/// <summary>
/// Checks Discord's signature on an HTTP interaction: Ed25519 over the X-Signature-Timestamp value followed by
/// the raw body, against the application's public key. A timestamp more than <see cref="Window"/> away from now
/// is refused too, so a captured request cannot be replayed later.
/// </summary>
public sealed class InteractionSignature
{
    /// <summary>How far a request's timestamp may be from this machine's clock.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _key;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier for the application's public key (64 hex digits).</summary>
    public InteractionSignature(string publicKeyHex, TimeProvider? time = null)
    {
        if (!TryHex(publicKeyHex, 32, out var bytes) || !PublicKey.TryImport(Ed25519, bytes, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new ArgumentException("The public key must be 64 hexadecimal digits (Discord:PublicKey).", nameof(publicKeyHex));
        }

        _key = key;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True only when the signature is well-formed, recent and valid for exactly these bytes.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (!TryHex(signatureHex, 64, out var signature)
            || timestamp is not { Length: > 0 and <= 19 }
            || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return false;
        }

        var data = new byte[Encoding.ASCII.GetByteCount(timestamp) + body.Length];
        var written = Encoding.ASCII.GetBytes(timestamp, data);
        body.CopyTo(data.AsSpan(written));
        return Ed25519.Verify(_key, data, signature);
    }

    private static bool TryHex(string? hex, int bytes, out byte[] value)
    {
        value = [];
        if (hex is null || hex.Length != bytes * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        value = Convert.FromHexString(hex);
        return true;
    }
}
