using System.Text.Json.Nodes;

namespace Reseller.Gateway.Docs;

/// <summary>The groups of the public API reference, each with what it covers.</summary>
public static class ApiTags
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Identity", "Logging in: tokens for partner users and account users, password resets, log-in-as links, API keys, account users."),
        ("Partners", "The partner's profile, users and invitations, referral link and referral signups."),
        ("Accounts", "Resold accounts: creation, plan, seats, payer, cancel, renew, listing, configuration."),
        ("Invitations", "Customer invitations to log in to their own account."),
        ("Snapshots", "Copies of an account's configuration, to create new accounts from."),
        ("Account defaults", "Branding and templates the partner applies to its accounts."),
        ("Audit", "Who did what on an account, and when."),
        ("Transfers", "Moving an account out of an agency, or into one."),
        ("Catalog", "Products, tiers, prices, add-ons and credit packs; quotes."),
        ("Billing", "Billing profiles (cards) and invoices."),
        ("Credits", "Prepaid, SMS and compatibility credit: purchases, assignments, consumptions, balances and ledger."),
        ("Commissions", "Commission and cashback earnings and monthly statements."),
        ("Operator", "The operator's actions (X-Admin-Key): partners, transfers, credit notes, payouts, the sandbox clock."),
    ];

    public static JsonArray All() =>
        new([.. Tags.Select(tag => (JsonNode)new JsonObject { ["name"] = tag.Name, ["description"] = tag.Description })]);
}
