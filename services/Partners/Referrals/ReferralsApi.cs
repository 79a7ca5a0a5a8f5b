using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Referrals;

public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/partners/me/referral-link", GetLinkAsync).WithTags("Partners").RequireAuthorization(PlatformPolicies.Partner).WithName("GetReferralLink").WithSummary("Read the partner's referral link");
        app.MapPost("/api/v1/referrals/{code}/signup", SignUpAsync).WithTags("Partners").AllowAnonymous().WithName("ReferralSignup").WithSummary("Sign a customer up through a referral link")
            .ShowsSecretOnce("login.password");
        return app;
    }

    public static async Task<Results<Ok<ReferralLinkResponse>, NotFound>> GetLinkAsync(
        ClaimsPrincipal user, PartnersDb db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var code = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.ReferralCode).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return TypedResults.NotFound();
        }
        var signupSite = (configuration["Partners:SignupUrl"] ?? "https://signup.reseller.test").TrimEnd('/');
        return TypedResults.Ok(new ReferralLinkResponse(code, $"{signupSite}/r/{code}", $"/api/v1/referrals/{code}/signup"));
    }

    /// <summary>
    /// A customer signs up through a referral link: Billing tokenizes the card, Accounts opens a customer-paid account
    /// for the partner, and Partners keeps it as a commission account. Invisible in the partner's billing: the invoices
    /// are the customer's, and the card is not among the partner's profiles.
    /// </summary>
    public static async Task<Results<Created<ReferralSignupResponse>, NotFound>> SignUpAsync(
        string code, ReferralSignupRequest request, PartnersDb db, PlatformServices platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ReferralCodes.IsWellFormed(code)
            || await db.Partners.AsNoTracking().Where(p => p.ReferralCode == code).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken) is not { } partnerId)
        {
            return TypedResults.NotFound();
        }
        request.ThrowIfInvalid();
        var name = request.Name!.Trim();
        var signup = ReferralSignup.Start(partnerId, name, clock.GetUtcNow());
        db.ReferralSignups.Add(signup);
        await db.SaveChangesAsync(cancellationToken);
        var accountsAsked = false;
        try
        {
            var card = await platform.TokenizeCardAsync(request.Customer!.Name!, request.Card, request.PaymentMethod, cancellationToken);
            accountsAsked = true;
            var account = await platform.OpenAccountAsync(partnerId, new
            {
                name,
                custom_domain = (string?)null,
                customer = new { name = request.Customer.Name, email = request.Customer.Email },
                notification_email = request.Customer.Email,
                language = request.Language,
                time_zone = request.TimeZone,
                plan = request.Plan,
                billing_profile_id = card["id"]!.GetValue<string>(),
                payer = Payers.Customer,
            }, cancellationToken);
            var accountId = account["id"]!.GetValue<string>();
            if (PublicId.TryParse("acc", accountId, out var id) && await db.ReferralSignups.AllAsync(s => s.AccountId != id, cancellationToken))
            {
                signup.Opened(id.Value, account["created_at"]!.GetValue<DateTimeOffset>());
                await db.SaveChangesAsync(cancellationToken);
            }
            var response = new ReferralSignupResponse(accountId, account["name"]!.GetValue<string>(), account["url"]!.GetValue<string>(),
                account["status"]!.GetValue<string>(), account["payer"]!.GetValue<string>(), account["plan"]?.DeepClone(), account["login"]?.DeepClone());
            return TypedResults.Created($"/api/v1/accounts/{accountId}", response);
        }
        catch (Exception e) when (e is ProblemException or HttpRequestException)
        {
            // One that AccountCreated linked meanwhile (a second submission of the same form won the name) stays.
            if (FailedSignup.NothingOpened(e, accountsAsked))
            {
                await db.ReferralSignups.Where(s => s.Id == signup.Id && s.AccountId == null).ExecuteDeleteAsync(CancellationToken.None);
            }
            throw;
        }
    }
}
