namespace Portal.Application.Pages;

/// <summary>
/// The customer page menu (<see cref="CustomerPagesSpec"/>), the same for every customer and shown on every page they
/// open: cached for a few seconds per instance and dropped at once when this instance saves a page.
/// </summary>
public interface ICustomerPageLinks
{
    ValueTask<IReadOnlyList<CustomerPageLink>> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached menu; the next read goes to the database.</summary>
    void Invalidate();
}
