// Package sample holds the bundled sample article, so that the demo runs
// from any directory: "Kratom for Chronic Back Pain: An Alternative
// Relief?", a consumer health blog article (it refers readers to the
// Pathways Pain Relief programme, whose blog it appears to come from). It
// reached the project as plain text; its URL was not recorded.
package sample

import _ "embed"

// Name is the sample's file name; it is also its source key.
const Name = "kratom-chronic-back-pain.txt"

// Text is the sample article, exactly as published in plain text.
//
//go:embed kratom-chronic-back-pain.txt
var Text []byte
