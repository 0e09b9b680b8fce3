import Certificates
import Testing

@testable import HubServer

/// The hub's `/verify` page had its own HTML escaping, which left apostrophes as they were: a
/// pasted credential naming a member `x' onfocus='…` came back inside the page's markup as is.
/// The page now uses the one escaping every page uses (`HTMLText`).
@Suite("Regression: the /verify page left apostrophes unescaped")
struct VerifyPageEscapingRegressionTests {
    @Test func theVerifyPageLeftApostrophesUnescaped() {
        let page = CertificatesEndpoint.page(result: .failure(.malformed("x' onfocus='alert(1)")))
        #expect(page.contains("x&#39; onfocus=&#39;alert(1)"), "\(page)")
        #expect(!page.contains("x' onfocus"))
    }
}
