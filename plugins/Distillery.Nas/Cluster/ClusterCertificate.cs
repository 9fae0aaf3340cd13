using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Distillery.Nas.Cluster;

/// <summary>
/// The cluster's shared certificate (Cluster:Certificate): with it every connection between members is TLS, both
/// sides present the certificate, and each accepts only a peer presenting the very same one.
/// </summary>
internal static class ClusterCertificate
{
    /// <summary>The certificate the settings name, or null when the cluster runs without TLS.</summary>
    /// <exception cref="UserErrorException">The file is missing, unreadable, or holds no private key.</exception>
    public static X509Certificate2? Load(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Certificate))
        {
            return null;
        }

        if (!File.Exists(options.Certificate))
        {
            throw new UserErrorException($"Cluster:Certificate names '{options.Certificate}', which does not exist. Name the cluster's .pfx file.")
            { Setting = "Cluster:Certificate", Value = options.Certificate };
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.Certificate, options.CertificatePassword);
        }
        catch (CryptographicException exception)
        {
            throw new UserErrorException(
                $"Cluster:Certificate '{options.Certificate}' could not be read as a PKCS#12 (.pfx) file ({exception.Message.TrimEnd('.')}). " +
                "Check the file and Cluster:CertificatePassword.",
                exception)
            { Setting = "Cluster:Certificate", Value = options.Certificate };
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new UserErrorException($"Cluster:Certificate '{options.Certificate}' holds no private key; export the certificate with its key.")
            { Setting = "Cluster:Certificate", Value = options.Certificate };
        }

        return certificate;
    }

    public static void RequireSame(TlsOptions tls, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(certificate);
        var expected = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (remote, _, _) =>
            remote is not null && string.Equals(remote.GetCertHashString(HashAlgorithmName.SHA256), expected, StringComparison.OrdinalIgnoreCase);
    }
}
