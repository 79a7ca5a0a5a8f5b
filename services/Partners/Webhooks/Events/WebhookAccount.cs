using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>
/// The account resource in account.created: the fields of GET /api/v1/accounts/{id} that Accounts' event carries, with the
/// same names and formats. The customer's name and e-mail, and the first login, never travel in events.
/// </summary>
public sealed record WebhookAccount(
    string Id,
    string Name,
    string Status,
    WebhookPlan Plan,
    string Payer,
    string NotificationEmail,
    string? BillingProfileId,
    DateTimeOffset CreatedAt)
{
    public const string IdPrefix = "acc";

    public static string FormatId(Guid accountId) => PublicId.Format(IdPrefix, accountId);

    public static WebhookAccount From(AccountCreated created) => new(
        FormatId(created.AccountId),
        created.Name,
        created.Status,
        WebhookPlan.From(created.Plan),
        created.Payer,
        created.NotificationEmail,
        created.BillingProfileId is { } bp ? PublicId.Format("bp", bp) : null,
        created.CreatedAt);
}
