using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>
/// Finds an account of the caller's partner. Credits learns accounts from Accounts' events, so an account that existed
/// before Credits followed them (or whose AccountCreated is still on its way) is missing here: then Accounts is asked, on the
/// caller's own credentials, and the account is followed from its answer. Accounts shows an account only to its own partner
/// (or to the account's own users), so the partner is the caller's. Anything not found either way is 404, never a 500; while
/// Accounts cannot be asked, 503 with Retry-After.
/// </summary>
public sealed class AccountsLookup(InternalServiceClient accounts, CreditsDb db, ProductCatalog catalog, TimeProvider clock, ILogger<AccountsLookup> logger)
{
    /// <summary>
    /// The account as Credits knows it, or null: every consumption reads it first. Compiled once: written inline, each call
    /// built its expression tree and EF found the query by hashing it, about a tenth of Credits' CPU under consumptions.
    /// </summary>
    public static readonly Func<CreditsDb, Guid, CancellationToken, Task<CreditAccount?>> KnownAccount = EF.CompileAsyncQuery(
        (CreditsDb db, Guid accountId, CancellationToken cancellationToken) => db.Accounts.AsNoTracking().FirstOrDefault(a => a.AccountId == accountId));

    public async Task<CreditAccount> FindOwnedAsync(Guid partnerId, string? accountId, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(AccountDirectory.IdPrefix, accountId, out var id))
        {
            throw ProblemException.NotFound("account");
        }
        return await FindOwnedAsync(partnerId, id.Value, cancellationToken) ?? throw ProblemException.NotFound("account");
    }

    public async Task<CreditAccount?> FindOwnedAsync(Guid partnerId, Guid accountId, CancellationToken cancellationToken)
    {
        var known = await KnownAccount(db, accountId, cancellationToken);
        if (known is not null && (known.PartnerId != partnerId || (known.PlanKnown && known.StatusKnown)))
        {
            return known.PartnerId == partnerId ? known : null;
        }
        if (await AskAccountsAsync(accountId, cancellationToken) is not { } described)
        {
            return known;
        }
        logger.LogInformation("Account {AccountId} was not fully known to Credits; followed from Accounts", accountId);
        if (!await TryFollowAsync(partnerId, accountId, described, cancellationToken))
        {
            // An event created the row while Accounts was asked. It may be a status change that knows no plan, so Accounts'
            // answer still fills what that row lacks.
            db.ChangeTracker.Clear();
            await TryFollowAsync(partnerId, accountId, described, cancellationToken);
        }
        db.ChangeTracker.Clear();
        return await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == accountId && a.PartnerId == partnerId, cancellationToken);
    }

    /// <summary>Adds the account from Accounts' answer, or fills the gaps of the row there is; false if a row appeared meanwhile.</summary>
    private async Task<bool> TryFollowAsync(Guid partnerId, Guid accountId, AccountDescription described, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tracked = await db.Accounts.FirstOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        if (tracked is null)
        {
            var followed = CreditAccount.Follow(accountId, partnerId, described.Current, catalog, now, described.Status);
            followed.Plan(described.Current, described.Scheduled, catalog, now);
            db.Accounts.Add(followed);
        }
        else
        {
            // Known from a status change only, or from before Credits followed add-ons and statuses: Accounts' answer fills
            // the gaps, and any event newer than what the row holds still wins.
            if (!tracked.PlanKnown || !tracked.StatusKnown)
            {
                tracked.Plan(described.Current, described.Scheduled, catalog, tracked.PlanKnown ? tracked.UpdatedAt : DateTimeOffset.MinValue);
            }
            if (!tracked.StatusKnown && described.Status is { } status)
            {
                tracked.StatusChanged(status, DateTimeOffset.MinValue);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (tracked is null)
        {
            return false;
        }
    }

    private async Task<AccountDescription?> AskAccountsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var call = InternalCall.Get("accounts", $"/api/v1/accounts/{PublicId.Format(AccountDirectory.IdPrefix, accountId)}", InternalCredentials.Caller);
        try
        {
            var root = await accounts.FindAsync<JsonElement?>(call, cancellationToken);
            return root is { ValueKind: JsonValueKind.Object } account && account.TryGetProperty("plan", out var plan) && Plan(plan) is { } current
                ? new AccountDescription(
                    current,
                    account.TryGetProperty("scheduled_plan", out var scheduled) ? Plan(scheduled) : null,
                    account.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null)
                : null;
        }
        catch (ProblemException refused) when (refused.Status is >= 400 and < 500)
        {
            // Accounts does not show this account to the caller: not found here either.
            return null;
        }
        catch (Exception e) when (e is HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } or InvalidOperationException)
        {
            logger.LogWarning("Accounts' answer for account {AccountId} could not be read: {Error}", accountId, e.Message);
            return null;
        }
    }

    private static AccountPlan? Plan(JsonElement plan) =>
        plan.ValueKind == JsonValueKind.Object
        && plan.TryGetProperty("product", out var product) && product.GetString() is { } p
        && plan.TryGetProperty("tier", out var tier) && tier.GetString() is { } t
            ? new AccountPlan(p, t, null, null, AddOns(plan), plan.TryGetProperty("cadence", out var c) ? c.GetString() ?? "" : "")
            : null;

    private static List<AddOnQuantity> AddOns(JsonElement plan) =>
        plan.TryGetProperty("add_ons", out var addOns) && addOns.ValueKind == JsonValueKind.Array
            ? addOns.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                .Select(a => new AddOnQuantity(a.GetProperty("code").GetString()!,
                    a.TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var quantity) ? quantity : 1))
                .ToList()
            : [];
}
