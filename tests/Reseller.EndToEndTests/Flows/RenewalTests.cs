using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows;

[RunsAlone]
public sealed class RenewalTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_monthly_account_renews_on_its_anniversary_once_whatever_the_number_of_billing_instances()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var active = await client.CreateSettledAccountAsync(partner, profileId);
        var accountId = active["id"]!.GetValue<string>();
        Assert.Equal("active", active["status"]!.GetValue<string>());
        var periodEnd = active["current_period_end"]!.GetValue<DateTimeOffset>();
        var anchor = DateOnly.FromDateTime(active["created_at"]!.GetValue<DateTimeOffset>().UtcDateTime);
        Assert.Equal(anchor.AddMonths(1), DateOnly.FromDateTime(periodEnd.UtcDateTime));

        // Both Billing instances run their renewal job when the clock moves, twice over: still one renewal invoice.
        await SandboxClock.MoveToAsync(client, periodEnd.AddHours(1));
        await SandboxClock.MoveToAsync(client, periodEnd.AddHours(2));

        // A month has passed on the platform clock: the hour-long token has expired, so the partner logs in again.
        partner = partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };
        var renewed = await client.WaitForAccountAsync(partner, accountId,
            a => a["current_period_end"]!.GetValue<DateTimeOffset>() > periodEnd, TimeSpan.FromSeconds(45));
        Assert.Equal("active", renewed["status"]!.GetValue<string>());
        Assert.Equal(anchor.AddMonths(2), DateOnly.FromDateTime(renewed["current_period_end"]!.GetValue<DateTimeOffset>().UtcDateTime));

        var invoices = await client.InvoicesOfAsync(partner, accountId);
        Assert.Equal(2, invoices.Count);
        var renewal = invoices.Single(i => i!["purpose"]!.GetValue<string>() == "renewal")!;
        Assert.Equal("paid", renewal["status"]!.GetValue<string>());
        Assert.Equal(4410, renewal["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(anchor.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), renewal["period_start"]!.GetValue<string>());
    }

    public void Dispose() => client.Dispose();
}
