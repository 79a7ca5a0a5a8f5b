using Reseller.Web;
using Reseller.Web.Components;
using Reseller.Web.Invoices;
using Reseller.Web.Localization;
using Reseller.Web.Session;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseWebDefaults();
app.MapCultureEndpoints();
app.MapSessionEndpoints();
app.MapInvoiceDownloads();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
