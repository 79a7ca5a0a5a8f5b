using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Tokens;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Links;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Transfers;

/// <summary>The operator moves accounts out of an agency to a stand-alone owner, and attaches stand-alone accounts to a partner.</summary>
public static class TransfersApi
{
    public const string PartnerPrefix = "prt";

    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/accounts").WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator);
        api.MapGet("/{id}", GetAsync).WithName("OperatorGetAccount").WithSummary("Read any account (operator)");
        api.MapPost("/{id}/transfer-out", TransferOutAsync).WithName("TransferAccountOut").WithSummary("Move an account out of its agency");
        api.MapPost("/{id}/transfer-in", TransferInAsync).WithName("TransferAccountIn").WithSummary("Start moving a stand-alone account into an agency");
        app.MapPost("/api/v1/transfers/{token}/confirm", ConfirmAsync).WithTags("Transfers").AllowAnonymous().WithName("ConfirmTransferIn").WithSummary("Confirm a move-in with the owner's link").ProducesProblem(410);
        return app;
    }

    public static async Task<Ok<OperatorAccountResponse>> GetAsync(string id, AccountsDb db, IOptions<AccountUrlOptions> urls, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        return TypedResults.Ok(OperatorAccountResponse.From(account, urls.Value));
    }

    /// <summary>
    /// Moves the account to a stand-alone owner: status transferred, partner billing and branding stop, it leaves the partner's
    /// list, and the partner's ways in end (<see cref="AccountHandover"/>): the owner is mailed a link to choose the password.
    /// </summary>
    public static async Task<Ok<OperatorAccountResponse>> TransferOutAsync(string id, TransferOutRequest request, ClaimsPrincipal user, AccountsDb db,
        AccountHandover handover, IOptions<AccountUrlOptions> urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var account = await FindAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        var ownerEmail = request.OwnerEmail!.Trim();
        var former = account.TransferOut(ownerEmail);
        await handover.HandOverAsync(account, ownerEmail, AuditTrail.Actor(user), "moved out of its agency", now, cancellationToken);
        db.Publish(new AccountTransferredOut(account.Id, former, ownerEmail, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OperatorAccountResponse.From(account, urls.Value));
    }

    /// <summary>
    /// Records a move-in of a stand-alone account to a known partner and mails its owner a single-use confirmation link
    /// (7 days); the account joins the partner only when the owner confirms. A newer request replaces an open one.
    /// </summary>
    public static async Task<Accepted<TransferInPendingResponse>> TransferInAsync(string id, TransferInRequest request, AccountsDb db,
        IOptions<AccountUrlOptions> urls, DashboardLinks links, MailOutbox mails, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(PartnerPrefix, request.PartnerId, out var partnerId))
        {
            throw ValidationErrors.Reject("partner_id", "partner_id must be a partner id (prt_…).");
        }
        var account = await FindAsync(db, id, cancellationToken);
        var ownerEmail = account.RequireStandAlone();
        var partner = await db.Set<KnownPartner>().FirstOrDefaultAsync(p => p.Id == partnerId.Value, cancellationToken)
            ?? throw ProblemException.NotFound("partner");
        var now = clock.GetUtcNow();
        var open = await db.Set<PendingTransferIn>().Where(t => t.AccountId == account.Id && t.ConfirmedAt == null && t.ReplacedAt == null)
            .ToListAsync(cancellationToken);
        open.ForEach(t => t.Replace(now));
        var token = RandomSecret.New();
        var pending = PendingTransferIn.Create(account.Id, partner.Id, ownerEmail, token, now);
        db.Add(pending);
        mails.Queue(db, new OutgoingMail(ownerEmail, $"Confirm the move of {account.Name} to {partner.Name}",
            $"The platform operator was asked to attach your account {account.Name} to the agency {partner.Name}.\n\n"
            + "The agency would then manage and bill the account. To agree, open this link within 7 days (it works once):\n"
            + $"{links.TransferConfirmation(token)}\n\n"
            + "If you did not ask for it, ignore this mail: your account stays stand-alone.\n"), now);
        await db.SaveChangesAsync(cancellationToken);
        var body = new TransferInPendingResponse(OperatorAccountResponse.From(account, urls.Value),
            PublicId.Format(PartnerPrefix, partner.Id), ownerEmail, pending.ExpiresAt);
        return TypedResults.Accepted($"/api/v1/admin/accounts/{id}", body);
    }

    /// <summary>
    /// The owner confirms a move-in with the mailed link: the account joins the partner (<c>AccountTransferredIn</c>) and changes
    /// hands (<see cref="AccountHandover"/>).
    /// </summary>
    public static async Task<Ok<TransferConfirmedResponse>> ConfirmAsync(string token, AccountsDb db, AccountHandover handover, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > RandomSecret.MaxLength)
        {
            throw ProblemException.NotFound("link");
        }
        var now = clock.GetUtcNow();
        var pending = await db.Set<PendingTransferIn>().FirstOrDefaultAsync(t => t.TokenHash == RandomSecret.HashOf(token), cancellationToken);
        OneTimeLinks.EnsureLive(pending, pending?.IsOpen(now) == true);
        var account = await db.Accounts.FirstAsync(a => a.Id == pending.AccountId, cancellationToken);
        pending.Confirm(now);
        account.TransferIn(pending.PartnerId);
        // The owner who confirmed keeps using the account, now managed by the partner: the password it had while
        // stand-alone goes, and the mail lets it choose a new one that the partner never saw.
        await handover.HandOverAsync(account, pending.OwnerEmail, $"owner:{pending.OwnerEmail}", "moved into an agency", now, cancellationToken);
        db.Publish(new AccountTransferredIn(account.Id, account.PartnerId, account.Name, account.Plan.ToContract(), account.Payer, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TransferConfirmedResponse(PublicId.Format(AccountResponse.IdPrefix, account.Id), account.Name,
            PublicId.Format(PartnerPrefix, account.PartnerId), AccountStatuses.NameOf(account.Status)));
    }

    private static async Task<Account> FindAsync(AccountsDb db, string id, CancellationToken cancellationToken) =>
        PublicId.TryParse(AccountResponse.IdPrefix, id, out var accountId)
            ? await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) ?? throw ProblemException.NotFound("account")
            : throw ProblemException.NotFound("account");
}
