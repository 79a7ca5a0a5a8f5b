using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Accounts.Invitations;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Tokens;
using Reseller.Accounts.Users;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Links;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;

namespace Reseller.Accounts.Transfers;

/// <summary>
/// "Access follows the account" (docs/business-rules.md): when an account changes hands (move-out, move-in) whoever held it before keeps
/// no way in. Every session ends, every open link dies (password resets, log-in-as, invitations, other move-in confirmations), the admin password
/// becomes a random one nobody is shown, and the new owner is mailed a link to choose its own. Customers' own logins stay:
/// they are the client's people, with passwords only they know. Call before <c>SaveChangesAsync</c>, in the same unit of
/// work as the move.
/// </summary>
public sealed class AccountHandover(AccountsDb db, IPasswordHasher<AccountUser> hasher, DashboardLinks links, MailOutbox mails, AccountTokens tokens)
{
    /// <summary>A hand-over link lives as long as the move-in confirmation and the invitation: the owner may not read mail hourly.</summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromDays(7);

    public async Task HandOverAsync(Account account, string ownerEmail, string actor, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tokens.EndAccountSessionsAsync(db, account.Id, now, cancellationToken);
        db.RemoveRange(await db.Set<OneTimeToken>().Where(t => t.AccountId == account.Id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<Invitation>().Where(i => i.AccountId == account.Id && i.Status != InvitationStatus.Accepted).ToListAsync(cancellationToken));
        (await db.Set<PendingTransferIn>().Where(t => t.AccountId == account.Id && t.ConfirmedAt == null && t.ReplacedAt == null).ToListAsync(cancellationToken))
            .ForEach(t => t.Replace(now));

        var admin = await db.Set<AccountUser>().FirstAsync(u => u.AccountId == account.Id && u.Username == AccountRoles.AdminUsername, cancellationToken);
        admin.HandOver(ownerEmail, hasher.HashPassword(admin, GeneratedPassword.New()));
        var token = RandomSecret.New();
        db.Add(OneTimeToken.Create(TokenPurposes.PasswordReset, account.Id, admin.Id, token, actor, now, ResetLifetime));
        db.Record(account.Id, actor, AuditActions.AccessHandedOver, now,
            $"{why}: status {AccountStatuses.NameOf(account.Status)}; admin password replaced, open links and invitations withdrawn, reset link mailed to {ownerEmail}");
        mails.Queue(db, new OutgoingMail(ownerEmail, $"Choose the password of {account.Name}",
            $"The account {account.Name} was {why}; you hold it now.\n\n"
            + $"Its admin password was replaced. Open this link within 7 days to choose yours (it works once):\n{links.AccountPasswordReset(token, account.Name)}\n\n"
            + $"Then log in to {account.Name} with the username admin. If the link has expired, ask for a new one with \"forgotten password\" and this address.\n"), now);
    }
}
