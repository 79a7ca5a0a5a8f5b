using Microsoft.AspNetCore.Identity;

using Reseller.Partners.Data;
using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, PartnersDb>("partnersdb");
        builder.AddServiceMessaging<IHostApplicationBuilder, PartnersDb>(_ => { });
        builder.Services.AddSingleton<IPasswordHasher<PartnerUser>, PasswordHasher<PartnerUser>>();
        return builder;
    }
}
