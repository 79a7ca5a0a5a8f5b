using System.Security.Claims;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Customization;
using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Snapshots;

/// <summary>
/// What an account gets beside its own row when created: its <c>admin</c> user, its branding and templates (from the
/// snapshot it is created from, otherwise from the partner's defaults) and the first line of its audit trail.
/// </summary>
public sealed class NewAccountSetup(AccountsDb db)
{
    /// <summary>Fills what the request leaves out (plan, language, time zone) from the caller's snapshot, if it names one.</summary>
    public async Task<(CreateAccountRequest Request, SnapshotContent? Snapshot)> FromSnapshotAsync(
        CreateAccountRequest request, Guid partnerId, CancellationToken cancellationToken)
    {
        if (request.FromSnapshotId is null)
        {
            return (request, null);
        }
        var snapshot = PublicId.TryParse(SnapshotResponse.IdPrefix, request.FromSnapshotId, out var id)
            ? await db.Set<AccountSnapshot>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.PartnerId == partnerId, cancellationToken)
            : null;
        if (snapshot is null)
        {
            throw ValidationErrors.Reject("from_snapshot_id", "from_snapshot_id is not one of your snapshots.");
        }
        var content = snapshot.Content;
        return (request with
        {
            Plan = request.Plan ?? content.Plan,
            Language = request.Language ?? content.Settings.Language,
            TimeZone = request.TimeZone ?? content.Settings.TimeZone,
        }, content);
    }

    /// <summary>The admin's password is one <see cref="GeneratedPassword"/> made: its hash is a fast one (a human's never is).</summary>
    public async Task AddAsync(Account account, string generatedAdminPassword, SnapshotContent? snapshot, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var admin = AccountUser.Admin(account.Id, FieldRules.NormalizeEmail(account.Customer.Email), now);
        admin.SetPasswordHash(GeneratedSecretHash.Of(generatedAdminPassword, GeneratedPassword.EntropyBits));
        db.Add(admin);

        var defaults = await db.Set<AccountDefaults>().AsNoTracking().FirstOrDefaultAsync(d => d.PartnerId == account.PartnerId, cancellationToken);
        var branding = snapshot?.Branding ?? defaults?.Branding ?? Branding.None;
        var templates = snapshot?.Templates ?? defaults?.Templates ?? [];
        db.Add(AccountCustomization.Create(account.Id, branding, templates, now));
        db.Record(account.Id, user, AuditActions.AccountCreated, now, snapshot is null ? null : "from a snapshot");
    }
}
