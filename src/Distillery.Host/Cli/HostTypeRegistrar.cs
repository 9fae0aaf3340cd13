using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Distillery.Host.Cli;

/// <summary>
/// Lets the command parser build commands from the host's container: what it registers itself is kept aside, and
/// everything else (commands' constructor arguments) comes from the host's services.
/// </summary>
internal sealed class HostTypeRegistrar(IServiceProvider services) : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> _registrations = [];

    public void Register(Type service, Type implementation) =>
        _registrations[service] = () => ActivatorUtilities.CreateInstance(services, implementation);

    public void RegisterInstance(Type service, object implementation) => _registrations[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        _registrations[service] = () => lazy.Value;
    }

    public ITypeResolver Build() => new Resolver(services, _registrations);

    private sealed class Resolver(IServiceProvider services, Dictionary<Type, Func<object>> registrations) : ITypeResolver
    {
        public object? Resolve(Type? type)
        {
            if (type is null)
            {
                return null;
            }

            if (registrations.TryGetValue(type, out var factory))
            {
                return factory();
            }

            // The parser asks for every registered help provider (and interceptor) as a sequence.
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                && registrations.TryGetValue(type.GetGenericArguments()[0], out var single))
            {
                var items = Array.CreateInstance(type.GetGenericArguments()[0], 1);
                items.SetValue(single(), 0);
                return items;
            }

            if (services.GetService(type) is { } service)
            {
                return service;
            }

            return type is { IsClass: true, IsAbstract: false } ? ActivatorUtilities.CreateInstance(services, type) : null;
        }
    }
}
