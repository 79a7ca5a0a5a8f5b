using Reseller.Partners;
using Reseller.Partners.Partners;
using Reseller.Partners.Users;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPartnersApi();
app.MapAuthApi();

app.Run();
