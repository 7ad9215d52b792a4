using Portal.Infrastructure.Startup;
using Portal.Web.Infrastructure.Composition;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPortalCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
        .InitializeAsync(seedDemoContacts: app.Environment.IsDevelopment(), CancellationToken.None);
}

app.UsePortalWeb();
app.Run();

public partial class Program;
