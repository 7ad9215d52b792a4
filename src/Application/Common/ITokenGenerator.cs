using Portal.Domain.Common;

namespace Portal.Application.Common;

public interface ITokenGenerator
{
    IssuedToken Create();
    string Hash(string token);
}
