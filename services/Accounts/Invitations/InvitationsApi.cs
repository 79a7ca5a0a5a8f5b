using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Tokens;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Links;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Invitations;

public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/accounts/{id}/invitations").WithTags("Invitations").RequireAuthorization(PlatformPolicies.Partner);
        api.MapPost("", InviteAsync).WithName("InviteCustomer").WithSummary("Invite a customer to log in to its account");
        api.MapGet("", ListAsync).WithName("ListInvitations").WithSummary("List an account's customer invitations");
        api.MapPost("/{invitationId}/resend", ResendAsync).WithName("ResendInvitation").WithSummary("Re-send a customer invitation");
        api.MapDelete("/{invitationId}", RevokeAsync).WithName("RevokeInvitation").WithSummary("Withdraw a customer invitation").ProducesProblem(409);
        app.MapPost("/api/v1/invitations/{token}/accept", AcceptAsync).WithTags("Invitations").WithName("AcceptInvitation").WithSummary("Accept a customer invitation and set its password").ProducesProblem(410).AllowAnonymous();
        return app;
    }

    /// <summary>Invites the customer: e-mails a link valid 7 days with which it sets its password (username = its e-mail).</summary>
    public static async Task<Created<InvitationResponse>> InviteAsync(
        string id,
        InviteRequest request,
        ClaimsPrincipal user,
        AccountsDb db,
        DashboardLinks links,
        MailOutbox mails,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        request.ThrowIfInvalid();
        var domain = request.NormalizedDomain();

        var email = FieldRules.NormalizeEmail(request.Email!);
        if (await db.Set<Invitation>().AnyAsync(i => i.AccountId == account.Id && i.Email == email, cancellationToken)
            || await db.Set<AccountUser>().AnyAsync(u => u.AccountId == account.Id && u.Username == email, cancellationToken))
        {
            throw ProblemException.Conflict("already-invited", "This e-mail is already invited to the account.",
                "Re-send the existing invitation instead (POST …/invitations/{invitation_id}/resend).");
        }

        var now = clock.GetUtcNow();
        var token = RandomSecret.New();
        var invitation = Invitation.Create(account.Id, request.Name!.Trim(), email, domain, request.Organization?.Trim(), token, now);
        db.Add(invitation);
        db.Record(account.Id, user, AuditActions.InvitationSent, now, $"to {email}");
        mails.Queue(db, Mail(account, invitation, links.CustomerInvitation(token)), now);
        await db.SaveChangesAsync(cancellationToken);
        var response = InvitationResponse.From(invitation, now);
        return TypedResults.Created($"/api/v1/accounts/{id}/invitations", response);
    }

    public static async Task<Ok<Page<InvitationResponse>>> ListAsync(
        string id,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user,
        AccountsDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(await KeysetPage.ReadAsync(db.Set<Invitation>().AsNoTracking().Where(i => i.AccountId == account.Id),
            i => i.Id, ListSortDirection.Ascending, pageSize, pageToken, i => InvitationResponse.From(i, now), cancellationToken));
    }

    /// <summary>Sends a new link for 7 more days; the previous link dies. 409 once accepted.</summary>
    public static async Task<Ok<InvitationResponse>> ResendAsync(
        string id,
        string invitationId,
        ClaimsPrincipal user,
        AccountsDb db,
        DashboardLinks links,
        MailOutbox mails,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        var invitation = await FindAsync(db, account.Id, invitationId, cancellationToken);
        var now = clock.GetUtcNow();
        var token = RandomSecret.New();
        if (!invitation.Resend(token, now))
        {
            throw ProblemException.Conflict("invitation-accepted", "The invitation was already accepted.");
        }
        db.Record(account.Id, user, AuditActions.InvitationResent, now, $"to {invitation.Email}");
        mails.Queue(db, Mail(account, invitation, links.CustomerInvitation(token)), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(InvitationResponse.From(invitation, now));
    }

    /// <summary>Withdraws an invitation not yet accepted: its link stops working and the e-mail may be invited again.</summary>
    public static async Task<NoContent> RevokeAsync(
        string id,
        string invitationId,
        ClaimsPrincipal user,
        AccountsDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        var invitation = await FindAsync(db, account.Id, invitationId, cancellationToken);
        if (!invitation.IsRevocable)
        {
            throw ProblemException.Conflict("invitation-accepted", "The invitation was already accepted.",
                "Remove the customer's login instead (DELETE /api/v1/accounts/{id}/users/{user_id}).");
        }
        db.Remove(invitation);
        db.Record(account.Id, user, AuditActions.InvitationRevoked, clock.GetUtcNow(), $"to {invitation.Email}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Invitation> FindAsync(AccountsDb db, Guid accountId, string invitationId, CancellationToken cancellationToken) =>
        (PublicId.TryParse(InvitationResponse.IdPrefix, invitationId, out var parsed)
            ? await db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == parsed && i.AccountId == accountId, cancellationToken)
            : null)
        ?? throw ProblemException.NotFound("invitation");

    /// <summary>
    /// The customer sets its password with the link's token; it becomes an active user whose username is its e-mail. While
    /// the account is not in service the link is refused (403) but not spent.
    /// </summary>
    public static async Task<Ok<AcceptedInvitationResponse>> AcceptAsync(
        string token,
        AcceptInvitationRequest request,
        AccountsDb db,
        IPasswordHasher<AccountUser> hasher,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var hash = RandomSecret.HashOf(token);
        var invitation = token.Length <= RandomSecret.MaxLength
            ? await db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash || i.ReplacedTokenHash == hash, cancellationToken)
            : null;
        OneTimeLinks.EnsureLive(invitation, invitation?.IsOpenFor(hash, now) == true);
        var account = await db.Accounts.FirstAsync(a => a.Id == invitation.AccountId, cancellationToken);
        account.EnsureInService();
        var customer = AccountUser.Customer(invitation.AccountId, invitation.Name, invitation.Email, now);
        customer.SetPasswordHash(hasher.HashPassword(customer, request.Password!));
        db.Add(customer);
        invitation.Accept(customer.Id, now);
        db.Record(invitation.AccountId, $"account_user:{customer.Id}", AuditActions.InvitationAccepted, now, $"by {invitation.Email}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new AcceptedInvitationResponse(account.Name, customer.Username));
    }

    private static OutgoingMail Mail(Account account, Invitation invitation, string link) => new(
        invitation.Email,
        $"You are invited to {account.Name}",
        $"Hello {invitation.Name},\n\nYou are invited to log in to {account.Name}.\n\n"
        + $"Open this link within 7 days to choose your password:\n{link}\n\n"
        + $"Afterwards, log in with your e-mail address ({invitation.Email}) as username.\n");
}
