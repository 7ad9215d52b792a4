using System.Reflection;
using Portal.Application.Common;
using Portal.Application.Pages;
using Portal.Domain.Pages;

namespace Portal.FunctionalTests.Support;

/// <summary>A repository whose "is this slug taken?" check answers no, as it would have just before a concurrent save committed.</summary>
public class SlugCheckMissesTheOtherSave : DispatchProxy
{
    private IRepository<PortalPage> _inner = null!;

    public static IRepository<PortalPage> Wrap(IRepository<PortalPage> inner)
    {
        var proxy = Create<IRepository<PortalPage>, SlugCheckMissesTheOtherSave>();
        ((SlugCheckMissesTheOtherSave)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod!.Name == nameof(IRepository<PortalPage>.AnyAsync) && args?.FirstOrDefault() is OtherPageWithSlugSpec
            ? Task.FromResult(false)
            : targetMethod.Invoke(_inner, args);
}
