namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// A user's session version (security stamp), kept by the issuer apart from the user row so it outlives a removed user.
/// Every token carries the version it was issued under; ending the user's sessions raises the version.
/// </summary>
public sealed class SessionStamp
{
    public string Subject { get; private set; } = "";
    public int Version { get; private set; }
    public DateTimeOffset EndedAt { get; private set; }

    public static SessionStamp First(string subject) => new() { Subject = subject };

    public void End(DateTimeOffset now)
    {
        Version++;
        EndedAt = now;
    }
}
