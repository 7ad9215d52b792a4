using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Infrastructure.Persistence;

/// <summary>
/// A page's request keeps one database connection open from its session check to its last query. Opened and closed
/// around each query instead, a page took SQLite's connection pool lock ten times, and under load the threads spent more
/// time spinning on that lock than running the queries. Static assets and health checks never open one.
/// </summary>
internal sealed class PageDatabaseConnection(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PortalDbContext db)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null)
        {
            await next(context);
            return;
        }

        await db.Database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
