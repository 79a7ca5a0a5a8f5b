using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Identity;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>The issuer's side of ending sessions: the version a new token carries, and ending every token issued so far.</summary>
public sealed class SessionStamps(ServiceIdentity self)
{
    /// <summary>Sessions ended longer ago than this concern no live token (tokens live an hour at most).</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromHours(2);

    public static async Task<int> VersionAsync(DbContext db, string subject, CancellationToken cancellationToken) =>
        await db.Set<SessionStamp>().AsNoTracking().Where(s => s.Subject == subject).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>Ends every session of the subject when the caller's SaveChanges commits, and tells every process (outbox).</summary>
    public async Task EndAsync(DbContext db, string subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = await db.Set<SessionStamp>().FirstOrDefaultAsync(s => s.Subject == subject, cancellationToken);
        if (stamp is null)
        {
            stamp = SessionStamp.First(subject);
            db.Set<SessionStamp>().Add(stamp);
        }
        stamp.End(now);
        db.Publish(new SessionsEnded(self.Name, subject, stamp.Version, now), now);
    }

    public static async Task<IReadOnlyList<EndedSession>> RecentAsync(DbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<SessionStamp>().AsNoTracking()
            .Where(s => s.EndedAt > now - RecentFor)
            .Select(s => new EndedSession(s.Subject, s.Version))
            .ToListAsync(cancellationToken);
}
