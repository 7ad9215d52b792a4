using Portal.Application.Common;
using Portal.Domain.Pages;

namespace Portal.Application.Pages;

/// <summary>
/// Makes the stored HTML of every page again whose HTML was made under other renderer or sanitiser settings (another
/// release tightened or widened what a page may hold). Housekeeping runs it; until it has, readers get the page rendered
/// at read time (<see cref="ReadPageHandler"/>), so no reader ever sees HTML the current settings would not write.
/// </summary>
public sealed class StalePages(IRepository<PortalPage> pages, IMarkdownRenderer renderer, IUnitOfWork unitOfWork)
{
    public const int BatchSize = 100;

    /// <summary>Renders every stale page again, a batch per save; returns how many.</summary>
    public async Task<int> RenderAgainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var stale = await pages.ListAsync(new PagesRenderedWithOtherSettingsSpec(renderer.Settings, BatchSize), cancellationToken);
            foreach (var page in stale) page.RenderAgain(renderer.ToSafeHtml(page.BodyMarkdown), renderer.Settings);
            if (stale.Count > 0) await unitOfWork.SaveChangesAsync(cancellationToken);
            total += stale.Count;
            if (stale.Count < BatchSize) return total;
        }
    }
}
