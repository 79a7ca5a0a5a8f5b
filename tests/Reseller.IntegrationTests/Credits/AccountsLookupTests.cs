using System.Net;
using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.IntegrationTests.Credits;

/// <summary>Accounts that existed before Credits followed Accounts' events are asked of Accounts, never answered with a 500.</summary>
public sealed class AccountsLookupTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    [Fact]
    public async Task An_account_credits_never_heard_of_is_followed_from_accounts_answer_for_the_callers_partner()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var accounts = new StubAccounts(HttpStatusCode.OK, """
            {"id":"x","status":"active","plan":{"product":"marketing","tier":"plus","add_ons":[{"code":"sms","quantity":1}],"cadence":"monthly"},"scheduled_plan":null}
            """);

        var found = await credits.InScopeAsync(sp => Lookup(sp, accounts).FindOwnedAsync(partnerId, PublicId.Format("acc", accountId), CancellationToken.None));

        Assert.Equal(accountId, found.AccountId);
        Assert.True(found.SmsAllowed);
        Assert.True(found.InService);
        Assert.Equal($"/api/v1/accounts/acc_{accountId:N}", accounts.AskedPath);
        Assert.Equal("Bearer caller-token", accounts.AskedAuthorization);
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id = @p", ("a", accountId), ("p", partnerId)));

        // Known now: the next request does not ask Accounts again.
        var again = new StubAccounts(HttpStatusCode.InternalServerError, "");
        await credits.InScopeAsync(sp => Lookup(sp, again).FindOwnedAsync(partnerId, PublicId.Format("acc", accountId), CancellationToken.None));
        Assert.Null(again.AskedPath);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "{}")]
    [InlineData(HttpStatusCode.OK, "not json")]
    [InlineData(HttpStatusCode.OK, """{"plan":{"tier":3}}""")]
    public async Task An_account_accounts_does_not_show_the_caller_or_cannot_describe_is_not_found(HttpStatusCode status, string body)
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var accountId = Guid.CreateVersion7();

        var problem = await Assert.ThrowsAsync<ProblemException>(() => credits.InScopeAsync(sp =>
            Lookup(sp, new StubAccounts(status, body)).FindOwnedAsync(Guid.CreateVersion7(), PublicId.Format("acc", accountId), CancellationToken.None)));

        Assert.Equal(404, problem.Status);
        Assert.Equal(0, await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a", ("a", accountId)));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(null)]
    public async Task While_accounts_cannot_answer_the_caller_is_told_to_retry_not_that_the_account_does_not_exist(HttpStatusCode? status)
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var accountId = Guid.CreateVersion7();
        var accounts = status is { } answered ? new StubAccounts(answered, "") : StubAccounts.Unreachable();

        var problem = await Assert.ThrowsAsync<ProblemException>(() => credits.InScopeAsync(sp =>
            Lookup(sp, accounts).FindOwnedAsync(Guid.CreateVersion7(), PublicId.Format("acc", accountId), CancellationToken.None)));

        Assert.Equal(503, problem.Status);
        Assert.NotNull(problem.RetryAfter);
        Assert.Equal(0, await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a", ("a", accountId)));
    }

    [Fact]
    public async Task A_known_account_of_another_partner_or_a_transferred_out_one_is_not_found_without_asking_accounts()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var owner = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            db.Accounts.Add(CreditAccount.Follow(accountId, owner, new AccountPlan("marketing", "plus", 1000, null, [], "monthly"), sp.GetRequiredService<ProductCatalog>(), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var accounts = new StubAccounts(HttpStatusCode.OK, """{"plan":{"product":"marketing","tier":"plus"}}""");

        var problem = await Assert.ThrowsAsync<ProblemException>(() => credits.InScopeAsync(sp =>
            Lookup(sp, accounts).FindOwnedAsync(Guid.CreateVersion7(), PublicId.Format("acc", accountId), CancellationToken.None)));

        Assert.Equal(404, problem.Status);
        Assert.Null(accounts.AskedPath);
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a AND partner_id = @p", ("a", accountId), ("p", owner)));

        await credits.ScalarAsync("UPDATE credit_accounts SET partner_id = NULL WHERE account_id = @a", ("a", accountId));
        var left = await Assert.ThrowsAsync<ProblemException>(() => credits.InScopeAsync(sp =>
            Lookup(sp, accounts).FindOwnedAsync(owner, PublicId.Format("acc", accountId), CancellationToken.None)));
        Assert.Equal(404, left.Status);
        Assert.Null(accounts.AskedPath);
    }

    [Fact]
    public async Task An_account_known_only_by_its_status_or_from_before_add_ons_were_followed_is_completed_from_accounts()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            db.Accounts.Add(CreditAccount.FromStatus(accountId, partnerId, "active", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var lite = new StubAccounts(HttpStatusCode.OK, """{"status":"trial","plan":{"product":"marketing","tier":"lite","add_ons":[{"code":"sms","quantity":1}]}}""");

        var found = await credits.InScopeAsync(sp => Lookup(sp, lite).FindOwnedAsync(partnerId, PublicId.Format("acc", accountId), CancellationToken.None));

        Assert.NotNull(lite.AskedPath);
        Assert.Equal("lite", found.Tier);
        Assert.False(found.SmsAllowed);
        Assert.Equal("active", found.Status);

        // A row from before statuses were followed (as the migration leaves it): asked once, then known.
        await credits.ScalarAsync("UPDATE credit_accounts SET status = '', product = '', tier = '' WHERE account_id = @a", ("a", accountId));
        var plus = new StubAccounts(HttpStatusCode.OK, """{"status":"expired","plan":{"product":"marketing","tier":"plus","add_ons":[{"code":"sms","quantity":1}]}}""");
        found = await credits.InScopeAsync(sp => Lookup(sp, plus).FindOwnedAsync(partnerId, PublicId.Format("acc", accountId), CancellationToken.None));
        Assert.True(found.SmsAllowed);
        Assert.False(found.InService);
        var again = new StubAccounts(HttpStatusCode.InternalServerError, "");
        await credits.InScopeAsync(sp => Lookup(sp, again).FindOwnedAsync(partnerId, PublicId.Format("acc", accountId), CancellationToken.None));
        Assert.Null(again.AskedPath);
    }

    [Fact]
    public async Task An_account_whose_status_change_lands_while_accounts_is_asked_still_gets_its_plan_from_the_answer()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();
        var activatedAt = DateTimeOffset.UtcNow;
        var accounts = new StubAccounts(HttpStatusCode.OK, """
            {"status":"pending","plan":{"product":"marketing","tier":"plus","add_ons":[{"code":"sms","quantity":1}],"cadence":"monthly"}}
            """)
        {
            // The account's AccountStatusChanged is consumed while Accounts answers: it leaves a row with no plan.
            WhileAsked = () => credits.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CreditsDb>();
                db.Accounts.Add(CreditAccount.FromStatus(accountId, partnerId, "active", activatedAt));
                return await db.SaveChangesAsync();
            }),
        };

        var found = await credits.InScopeAsync(sp => Lookup(sp, accounts).FindOwnedAsync(partnerId, PublicId.Format("acc", accountId), CancellationToken.None));

        Assert.True(found.SmsAllowed);
        Assert.Equal("plus", found.Tier);
        Assert.Equal("active", found.Status); // The event is newer than nothing: it stands.
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM credit_accounts WHERE account_id = @a", ("a", accountId)));
    }

    private static AccountsLookup Lookup(IServiceProvider services, StubAccounts accounts)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer caller-token";
        return new AccountsLookup(
            new InternalServiceClient(new HttpClient(accounts), new HttpContextAccessor { HttpContext = context }, services, NullLogger<InternalServiceClient>.Instance),
            services.GetRequiredService<CreditsDb>(),
            services.GetRequiredService<ProductCatalog>(),
            TimeProvider.System,
            NullLogger<AccountsLookup>.Instance);
    }

    private sealed class StubAccounts(HttpStatusCode status, string body, bool refuseConnection = false) : HttpMessageHandler
    {
        public string? AskedPath { get; private set; }
        public string? AskedAuthorization { get; private set; }

        /// <summary>Runs while the request is in flight, before the answer: what lands meanwhile.</summary>
        public Func<Task>? WhileAsked { get; init; }

        /// <summary>No replica of Accounts takes the connection.</summary>
        public static StubAccounts Unreachable() => new(HttpStatusCode.OK, "", refuseConnection: true);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            AskedPath = request.RequestUri!.AbsolutePath;
            AskedAuthorization = request.Headers.Authorization?.ToString();
            if (WhileAsked is not null)
            {
                await WhileAsked();
            }
            return refuseConnection
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (accounts:80)")
                : new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
