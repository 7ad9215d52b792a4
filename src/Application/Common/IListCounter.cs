using Ardalis.Specification;

namespace Portal.Application.Common;

/// <summary>Counts a list's rows without reading more than a bounded number of them.</summary>
public interface IListCounter
{
    /// <param name="rows">The list's criteria; its order and paging are ignored.</param>
    /// <param name="filtered">Whether the criteria leave rows out; an unfiltered list above the limit gets an estimate.</param>
    Task<ListCount> CountAsync<T>(ISpecification<T> rows, bool filtered, CancellationToken cancellationToken) where T : class;
}
