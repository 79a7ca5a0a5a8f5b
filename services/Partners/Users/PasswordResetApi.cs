using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Partners.Users;

/// <summary>Forgotten password: a single-use link valid 1 hour, e-mailed; the answer never tells whether the address exists.</summary>
public static class PasswordResetApi
{
    public static async Task<Accepted> RequestAsync(
        PasswordResetRequest request, PartnersDb db, MailOutbox mails, UserMails userMails, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var email = FieldRules.NormalizeEmail(request.Email!);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email && u.Status == PartnerUserStatus.Active, cancellationToken);
        if (user is not null)
        {
            var now = clock.GetUtcNow();
            var (token, secret) = UserToken.Issue(user.Id, UserTokenPurposes.PasswordReset, UserTokenPurposes.PasswordResetLifetime, now);
            db.UserTokens.Add(token);
            db.Publish(new PartnerPasswordResetRequested(user.Id, user.Email, token.ExpiresAt), now);
            mails.Queue(db, userMails.PasswordReset(user.Email, secret), now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ConfirmAsync(
        PasswordResetConfirmation request, PartnersDb db, IPasswordHasher<PartnerUser> hasher, SessionStamps sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var user = await db.RedeemAsync(request.Token, UserTokenPurposes.PasswordReset, clock.GetUtcNow(), cancellationToken);
        user.ChoosePassword(hasher.HashPassword(user, request.NewPassword!));
        // Whoever knew the old password loses every session it opened.
        await sessions.EndAsync(db, user.Id.ToString(), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
