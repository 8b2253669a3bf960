namespace CorpusBot.Discord.Rest;

/// <summary>
/// Counts invalid requests (401, 403, and 429 other than X-RateLimit-Scope: shared) over a sliding 10 minutes.
/// Discord bans the address for a while at 10,000 of them; the client backs off long before that.
/// <see href="https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans"/>
/// </summary>
/// <remarks>Ten-second slots in a ring: recording and reading are O(1) whatever the traffic.</remarks>
internal sealed class InvalidRequestWindow(TimeProvider time)
{
    /// <summary>Discord's window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private const int Slots = 60;
    private static readonly long SlotTicks = Window.Ticks / Slots;

    private readonly object _gate = new();
    private readonly int[] _counts = new int[Slots];
    private readonly long[] _slotOf = new long[Slots];

    /// <summary>Records one invalid request now.</summary>
    public void Record()
    {
        var slot = time.GetUtcNow().UtcTicks / SlotTicks;
        lock (_gate)
        {
            var i = (int)(slot % Slots);
            if (_slotOf[i] != slot)
            {
                _slotOf[i] = slot;
                _counts[i] = 0;
            }

            _counts[i]++;
        }
    }

    /// <summary>Invalid requests in the last 10 minutes (to the slot).</summary>
    public int Count()
    {
        var slot = time.GetUtcNow().UtcTicks / SlotTicks;
        var total = 0;
        lock (_gate)
        {
            for (var i = 0; i < Slots; i++)
            {
                if (slot - _slotOf[i] < Slots)
                {
                    total += _counts[i];
                }
            }
        }

        return total;
    }
}
