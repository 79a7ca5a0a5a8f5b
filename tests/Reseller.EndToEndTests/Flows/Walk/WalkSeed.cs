using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>
/// The first partner with one of each resource the API names by id (paid account, trial account, card, invoice, API key,
/// member, customer invitation, snapshot, credit purchase), the callers of the walk, and a second partner.
/// </summary>
public sealed record WalkSeed(
    Partner Owner,
    Partner Stranger,
    JsonNode StrangersAccount,
    string MemberToken,
    string MemberUserId,
    string MemberEmail,
    JsonNode PaidAccount,
    JsonNode OtherAccount,
    string AdminPassword,
    string CustomerToken,
    string LoginAsToken,
    string BillingProfileId,
    string InvoiceId,
    string ApiKeyId,
    string ApiKey,
    string InvitationId,
    string AccountUserId,
    string SnapshotId,
    string PurchaseId,
    string ReferralCode)
{
    public string PaidAccountId => (string)PaidAccount["id"]!;

    public string PaidAccountName => (string)PaidAccount["name"]!;

    public string OtherAccountId => (string)OtherAccount["id"]!;

    public string OtherAccountName => (string)OtherAccount["name"]!;

    /// <summary>What a stranger (another partner, or nobody) must never read: the first partner's ids, names and addresses.</summary>
    public IReadOnlyList<string> OwnersData =>
    [
        Owner.Id, Owner.Email, MemberUserId, MemberEmail, PaidAccountId, PaidAccountName, OtherAccountId, OtherAccountName,
        BillingProfileId, InvoiceId, ApiKeyId, InvitationId, AccountUserId, SnapshotId, PurchaseId,
        (string)PaidAccount["customer"]!["email"]!, (string)OtherAccount["customer"]!["email"]!,
    ];

    /// <summary>What the users of the paid account must never read: the partner's other account.</summary>
    public IReadOnlyList<string> OtherAccountData => [OtherAccountId, OtherAccountName, (string)OtherAccount["customer"]!["email"]!];

    public IReadOnlyList<WalkIdentity> Identities(string stranger) =>
    [
        new("nobody", null, false, OwnersData, TriesMalformedInput: false),
        new("a forged token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ3YWxrIn0.", false, OwnersData, TriesMalformedInput: false),
        new("an unknown API key", ApiKey[..^6] + "walk00", false, OwnersData, TriesMalformedInput: false),
        new(stranger, Stranger.Token, false, OwnersData, TriesMalformedInput: true),
        new("customer", CustomerToken, false, OtherAccountData, TriesMalformedInput: true),
        new("log-in-as", LoginAsToken, false, OtherAccountData, TriesMalformedInput: false),
        new("member", MemberToken, false, [], TriesMalformedInput: false),
        new("the partner's API key", ApiKey, false, [], TriesMalformedInput: false),
        new("owner", Owner.Token, false, [(string)StrangersAccount["id"]!, (string)StrangersAccount["name"]!], TriesMalformedInput: true),
        new("operator", null, true, [], TriesMalformedInput: true, SendsOnlyBrokenWrites: true),
    ];

    public static async Task<WalkSeed> CreateAsync(GatewayClient client)
    {
        var owner = await client.CreatePartnerAsync("Walk Agency " + Guid.NewGuid().ToString("N")[..10]);
        var stranger = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(owner, GatewayClient.GoodCard);
        var created = await client.CreateAccountAsync(owner, card);
        var adminPassword = (string)created["login"]!["password"]!;
        var paid = await client.WaitForAccountAsync(owner, (string)created["id"]!, a => (string?)a["status"] != "pending", TimeSpan.FromSeconds(60));
        Assert.Equal("active", (string?)paid["status"]);
        var other = await client.CreateTrialAsync(owner);
        var strangersAccount = await client.CreateTrialAsync(stranger);
        var accountId = (string)paid["id"]!;

        var invoice = Assert.Single(await client.InvoicesOfAsync(owner, accountId))!;
        var apiKey = await Created(client, "/api/v1/api-keys", new { name = "walk" }, owner.Token);
        var (memberEmail, memberToken) = await client.AddUserAsync(owner, "member");
        var memberId = (await client.GetAsync("/api/v1/partners/me/users?page_size=200", owner.Token))["data"]!.AsArray()
            .Single(u => (string?)u!["email"] == memberEmail)!["id"]!.GetValue<string>();
        var invitation = await Created(client, $"/api/v1/accounts/{accountId}/invitations", new { name = "Jane", email = $"jane-{Guid.NewGuid():N}@client.test" }, owner.Token);
        var snapshot = await Created(client, $"/api/v1/accounts/{accountId}/snapshots", new { label = "walk" }, owner.Token);
        var purchase = await Created(client, "/api/v1/credits/sms/purchases", new { pack = SmsPack(await client.GetAsync("/api/v1/catalog", owner.Token)) }, owner.Token);
        var customerToken = await client.AccountTokenAsync((string)paid["name"]!, "admin", adminPassword);
        var adminUser = (await client.GetAsync($"/api/v1/accounts/{accountId}/users", owner.Token))["data"]!.AsArray().First()!;
        var link = await Created(client, $"/api/v1/accounts/{accountId}/login-link", null, owner.Token);
        var url = (string)link["url"]!;
        var loginAs = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{DashboardLink.TokenOf(url)}"), HttpStatusCode.OK);
        var referral = await client.GetAsync("/api/v1/partners/me/referral-link", owner.Token);

        return new WalkSeed(owner, stranger, strangersAccount, memberToken, memberId, memberEmail, paid, other, adminPassword, customerToken,
            (string)loginAs["access_token"]!, card, (string)invoice["id"]!, (string)apiKey["id"]!, (string)apiKey["key"]!, (string)invitation["id"]!,
            (string)adminUser["id"]!, (string)snapshot["id"]!, (string)purchase["id"]!, (string)referral["code"]!);
    }

    private static async Task<JsonNode> Created(GatewayClient client, string path, object? body, string token) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, path, body, token), HttpStatusCode.Created);

    private static long SmsPack(JsonNode catalog) =>
        (long)catalog["credit_packs"]!["sms"]![0]!["size"]!;
}
