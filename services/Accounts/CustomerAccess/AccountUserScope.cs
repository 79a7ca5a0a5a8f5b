using Microsoft.Extensions.Options;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.CustomerAccess;

/// <summary>
/// Put on the account endpoints an account user may also call: an account user's request is answered here, from its own
/// account only, and never reaches the partner's handler; a partner's request passes through untouched.
/// </summary>
public sealed class AccountUserScope : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (AccountAccess.AccountIdOf(http.User) is not { } accountId)
        {
            return await next(context);
        }
        var id = context.Arguments.OfType<string>().First();
        var services = http.RequestServices;
        var db = services.GetRequiredService<AccountsDb>();
        var urls = services.GetRequiredService<IOptions<AccountUrlOptions>>().Value;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            return await CustomerAccountApi.GetAsync(id, accountId, db, urls, http.RequestAborted);
        }
        var request = context.Arguments.OfType<UpdateAccountRequest>().First();
        return await CustomerAccountApi.UpdateAsync(id, accountId, request, http.User, db, urls, services.GetRequiredService<TimeProvider>(), http.RequestAborted);
    }
}
