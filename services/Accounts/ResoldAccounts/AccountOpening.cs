using System.Security.Claims;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Accounts.Data;
using Reseller.Accounts.Snapshots;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>
/// Opens a validated new account in one transaction: the row, its admin login and configuration, and AccountCreated through
/// the outbox. The generated admin password is in the answer only; the account keeps its hash.
/// </summary>
public sealed class AccountOpening(AccountsDb db, NewAccountSetup setup, ProductCatalog catalog, IOptions<AccountUrlOptions> urls, TimeProvider clock)
{
    public async Task<AccountResponse> OpenAsync(NewAccount details, SnapshotContent? snapshot, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var password = GeneratedPassword.New();
        var now = clock.GetUtcNow();
        var account = Account.Create(details, now, catalog.TrialDays);
        db.Accounts.Add(account);
        await setup.AddAsync(account, password, snapshot, user, now, cancellationToken);
        db.Publish(new AccountCreated(account.Id, account.PartnerId, account.Name, account.Plan.ToContract(), account.Payer,
            account.BillingProfileId, AccountStatuses.NameOf(account.Status), now, account.NotificationEmail), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ProblemException(409, "name-taken", "The account name or custom domain was taken meanwhile.",
                "Another account with this name or custom domain was created at the same time.");
        }
        AccountsMetrics.CountCreated(account.Plan.Product, account.Plan.Cadence);
        return AccountResponse.From(account, urls.Value, new AccountLogin(urls.Value.LoginUrl(account.Name), AccountsApi.AdminUsername, password));
    }
}
