/// Which signers a pack may have: the keys a centre trusts (its trust list, see
/// `ContentStore.trustedKeys()`), and whether the operator chose to accept other packs this once.
///
/// With no trusted key every well-formed pack is accepted, signed or not. Once a key is trusted,
/// an unsigned pack or one signed by another key is refused, unless `allowUntrusted`. A
/// signature that does not verify is refused whatever the policy: that is damage, not trust.
public struct TrustPolicy: Sendable, Equatable {
    /// The keys whose signature makes a pack trusted.
    public var trustedKeys: [PublicKey]
    /// Whether unsigned and untrusted packs are accepted even though keys are trusted.
    public var allowUntrusted: Bool

    /// Makes a policy; the default trusts no key and so accepts any well-formed pack.
    public init(trustedKeys: [PublicKey] = [], allowUntrusted: Bool = false) {
        self.trustedKeys = trustedKeys
        self.allowUntrusted = allowUntrusted
    }

    /// Whether only packs signed by a trusted key are accepted.
    public var requiresTrustedSigner: Bool { !trustedKeys.isEmpty && !allowUntrusted }

    /// Whether `signer` (the key whose signature verified, `nil` for an unsigned pack) is
    /// trusted; throws the refusal of `pack` when the policy does not accept it.
    func check(signer: PublicKey?, pack: String) throws -> Bool {
        let isTrusted = signer.map { trustedKeys.contains($0) } ?? false
        guard requiresTrustedSigner, !isTrusted else { return isTrusted }
        guard let signer else { throw PackError.refused(.missingSignature, pack: pack, PackText.unsigned) }
        throw PackError.refused(.untrustedSignature, pack: pack, PackText.untrusted(signer))
    }
}
