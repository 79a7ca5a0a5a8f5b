using System.Text.Json.Nodes;

namespace Reseller.Partners.Referrals;

/// <summary>What the customer gets back: its account, and its admin login (shown once).</summary>
public sealed record ReferralSignupResponse(string AccountId, string Name, string Url, string Status, string Payer, JsonNode? Plan, JsonNode? Login);
