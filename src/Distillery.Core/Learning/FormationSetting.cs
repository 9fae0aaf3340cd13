using System.Globalization;
using Distillery.Methods;

namespace Distillery.Learning;

/// <summary>A method's multi-formation factor setting, checked against the dataset it distils.</summary>
public static class FormationSetting
{
    /// <summary>The formation of <paramref name="factor"/> for the request's images.</summary>
    /// <param name="setting">The setting's full name, e.g. <c>Methods:dm:Factor</c>, named in the error.</param>
    /// <exception cref="UserErrorException">The factor does not divide the images' sides.</exception>
    public static Formation Resolve(DistillationRequest request, int factor, string setting)
    {
        ArgumentNullException.ThrowIfNull(request);
        var formation = new Formation(factor);
        if (formation.Problem(request.Dataset.Height, request.Dataset.Width) is { } problem)
        {
            throw new UserErrorException($"{setting} = {factor} does not fit {request.Dataset.Name}: {problem}")
            {
                Setting = setting,
                Value = factor.ToString(CultureInfo.InvariantCulture),
            };
        }

        return formation;
    }
}
