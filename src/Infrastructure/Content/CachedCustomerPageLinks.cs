using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.Pages;
using Portal.Domain.Pages;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.Settings;

namespace Portal.Infrastructure.Content;

/// <summary>
/// The customer page menu, kept like the settings (and for as long, <see cref="SettingsCacheOptions.Lifetime"/>): it is
/// the same for every customer and read on every page they open, but changes only when staff publish or edit a page.
/// The unit of work drops it when this instance saves a page. It holds titles and addresses only; whether a customer
/// may read a page is still decided when the page is opened.
/// </summary>
internal sealed class CachedCustomerPageLinks : ICustomerPageLinks, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly InstanceCopy<IReadOnlyList<CustomerPageLink>> _copy;

    public CachedCustomerPageLinks(IServiceScopeFactory scopes, IOptions<SettingsCacheOptions> cache)
    {
        _scopes = scopes;
        _copy = new InstanceCopy<IReadOnlyList<CustomerPageLink>>(LoadAsync, () => cache.Value.Lifetime);
    }

    public ValueTask<IReadOnlyList<CustomerPageLink>> CurrentAsync(CancellationToken cancellationToken) =>
        _copy.CurrentAsync(cancellationToken);

    public void Invalidate() => _copy.Invalidate();

    public void Dispose() => _copy.Dispose();

    private async Task<IReadOnlyList<CustomerPageLink>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var pages = scope.ServiceProvider.GetRequiredService<IReadRepository<PortalPage>>();
        return await pages.ListAsync(new CustomerPagesSpec(), cancellationToken);
    }
}
