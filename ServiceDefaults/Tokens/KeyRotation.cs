namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// When an issuer rolls its key and which keys its JWKS still carries. The newest key signs; a key replaced by a newer one
/// stays published for <see cref="KeepAfterReplaced"/>, longer than any token lives, so tokens signed before a roll keep
/// validating until they expire and no replica or validator sees a gap.
/// </summary>
public static class KeyRotation
{
    public static readonly TimeSpan RotateEvery = TimeSpan.FromDays(30);
    public static readonly TimeSpan KeepAfterReplaced = TimeSpan.FromHours(2);

    public static SigningKey? Newest(IReadOnlyCollection<SigningKey> keys) => keys.MaxBy(k => k.CreatedAt);

    public static bool IsDue(IReadOnlyCollection<SigningKey> keys, DateTimeOffset now) =>
        Newest(keys) is not { } newest || now - newest.CreatedAt >= RotateEvery;

    public static IReadOnlyList<SigningKey> Published(IReadOnlyCollection<SigningKey> keys, DateTimeOffset now)
    {
        var ordered = keys.OrderByDescending(k => k.CreatedAt).ToList();
        // A key is published while it is the newest, and for a while after its successor was made.
        return ordered.Where((key, i) => i == 0 || now - ordered[i - 1].CreatedAt < KeepAfterReplaced).ToList();
    }
}
