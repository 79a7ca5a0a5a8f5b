using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.Partners.Referrals;

public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/partners/me/referral-link", GetLinkAsync).WithTags("Partners").RequireAuthorization(PlatformPolicies.Partner).WithName("GetReferralLink");
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
}
