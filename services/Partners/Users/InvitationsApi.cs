using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

/// <summary>An owner invites more people of the agency; each accepts by e-mailed link and chooses a password.</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapPartnerUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/partners/me/users").WithTags("Partners");
        api.MapPost("", InviteAsync).RequireAuthorization(PartnerOwner.Policy).WithName("InvitePartnerUser").WithSummary("Invite a user to the partner");
        api.MapGet("", ListAsync).RequireAuthorization(PlatformPolicies.Partner).WithName("ListPartnerUsers").WithSummary("List the partner's users and invitations");
        api.MapDelete("/{id}", UserRemoval.RemoveAsync).RequireAuthorization(PartnerOwner.Policy).WithName("RemovePartnerUser").WithSummary("Remove a partner user").ProducesProblem(409);
        api.MapPatch("/{id}", RoleChange.ChangeAsync).RequireAuthorization(PartnerOwner.Policy).WithName("ChangePartnerUserRole")
            .WithSummary("Change a partner user's role (the last owner is never demoted; the user's sessions end)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/resend", ResendAsync).RequireAuthorization(PartnerOwner.Policy).WithName("ResendPartnerInvitation").WithSummary("Re-send a partner user's invitation");
        return app;
    }

    public static async Task<Created<PartnerUserResponse>> InviteAsync(
        InviteUserRequest request, ClaimsPrincipal user, PartnersDb db, MailOutbox mails, UserMails userMails, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var email = FieldRules.NormalizeEmail(request.Email!);
        var now = clock.GetUtcNow();
        var invited = PartnerUser.Invite(user.PartnerId(), email, request.Role!, now);
        var holder = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => (Guid?)u.PartnerId).FirstOrDefaultAsync(cancellationToken);
        if (holder == invited.PartnerId)
        {
            throw ProblemException.Conflict("email-taken", "A user of your agency already has this e-mail.");
        }
        if (holder is not null)
        {
            // The address is another agency's login (one address, one login). Saying so would tell who works where, so
            // the answer is the same as for a new invitation; nothing is stored and no link is sent.
            return Invited(invited);
        }
        var (token, secret) = UserToken.Issue(invited.Id, UserTokenPurposes.Invitation, UserTokenPurposes.InvitationLifetime, now);
        db.Users.Add(invited);
        db.UserTokens.Add(token);
        db.Publish(new PartnerUserInvited(invited.Id, invited.PartnerId, invited.Email, invited.Role, token.ExpiresAt), now);
        mails.Queue(db, userMails.Invitation(invited, secret, token.ExpiresAt), now);
        await db.SaveChangesAsync(cancellationToken);
        return Invited(invited);
    }

    private static Created<PartnerUserResponse> Invited(PartnerUser invited)
    {
        var response = PartnerUserResponse.From(invited);
        return TypedResults.Created($"/api/v1/partners/me/users/{response.Id}", response);
    }

    /// <summary>Mails a pending invitation again with a new link; the earlier links die.</summary>
    public static async Task<Ok<PartnerUserResponse>> ResendAsync(
        string id, ClaimsPrincipal user, PartnersDb db, MailOutbox mails, UserMails userMails, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invited = await UserRemoval.FindAsync(db, user.PartnerId(), id, cancellationToken);
        if (invited.Status != PartnerUserStatus.Invited)
        {
            throw ProblemException.Conflict("not-invited", "This user has already accepted the invitation.");
        }
        var now = clock.GetUtcNow();
        var open = await db.UserTokens.Where(t => t.UserId == invited.Id && t.Purpose == UserTokenPurposes.Invitation && t.UsedAt == null).ToListAsync(cancellationToken);
        open.ForEach(t => t.Use(now));
        var (token, secret) = UserToken.Issue(invited.Id, UserTokenPurposes.Invitation, UserTokenPurposes.InvitationLifetime, now);
        db.UserTokens.Add(token);
        db.Publish(new PartnerUserInvited(invited.Id, invited.PartnerId, invited.Email, invited.Role, token.ExpiresAt), now);
        mails.Queue(db, userMails.Invitation(invited, secret, token.ExpiresAt), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PartnerUserResponse.From(invited));
    }

    public static async Task<Ok<Page<PartnerUserResponse>>> ListAsync(
        [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken, ClaimsPrincipal user, PartnersDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var users = db.Users.AsNoTracking().Where(u => u.PartnerId == partnerId);
        return TypedResults.Ok(await KeysetPage.ReadAsync(users, u => u.Id, ListSortDirection.Ascending, pageSize, pageToken, PartnerUserResponse.From, cancellationToken));
    }

    public static async Task<Ok<PartnerUserResponse>> AcceptAsync(
        string token, PasswordRequest request, PartnersDb db, IPasswordHasher<PartnerUser> hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var invited = await db.RedeemAsync(token, UserTokenPurposes.Invitation, clock.GetUtcNow(), cancellationToken);
        invited.ChoosePassword(hasher.HashPassword(invited, request.Password!));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PartnerUserResponse.From(invited));
    }
}
