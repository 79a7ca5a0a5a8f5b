using Reseller.Contracts.Accounts;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>Two card changes delivered through RabbitMQ in the reverse of the order the partner made them: the later card stays.</summary>
public sealed class CardChoiceOrderTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task The_card_replaced_a_moment_later_never_comes_back_when_its_change_arrives_last()
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus);
        var mistaken = await billing.AddCardAsync(partnerId);
        var corrected = await billing.AddCardAsync(partnerId);
        var mistakenAt = DateTimeOffset.UtcNow;

        await billing.ChooseCardAsync(accountId, partnerId, corrected, mistakenAt.AddSeconds(20));
        var late = await billing.PublishAsync(new AccountBillingProfileChanged(accountId, partnerId, mistaken, mistakenAt));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(late) == 1, Eventually.Propagation));

        Assert.Equal(corrected, (await billing.AccountAsync(accountId)).BillingProfileId);
    }
}
